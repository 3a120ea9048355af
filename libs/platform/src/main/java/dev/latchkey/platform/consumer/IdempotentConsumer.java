package dev.latchkey.platform.consumer;

import dev.latchkey.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * Handles each event at most once per consumer, even when Kafka redelivers it: the event id is recorded in
 * {@code processed_events} in the same transaction as the handler's own changes, so both commit or neither.
 * The Kafka offset is committed only after the returned {@code Uni} completes (SmallRye's post-processing
 * acknowledgement), so a crash before commit means redelivery, never loss.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final String MARK_PROCESSED =
            "INSERT INTO processed_events (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

    /** Runs {@code handler} unless {@code consumer} has handled this event id before; true when it ran. */
    public Uni<Boolean> handleOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK_PROCESSED)
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .executeUpdate())
                .chain(marked -> marked == 1
                        ? handler.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }
}
