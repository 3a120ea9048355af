package dev.latchkey.platform.outbox;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends events to the service's outbox table inside the caller's reactive transaction, so an event
 * commits with the state change that caused it or not at all. {@link OutboxRelay} publishes it later.
 * Publishing to Kafka straight from a request handler would lose events when the broker is down. An event that
 * reports no state change of the service's own (a credential read, a denied request) goes through
 * {@link OutboxBatcher} instead.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (?1, ?2, ?3, ?4)";

    /** Call inside {@code Panache.withTransaction(...)} or a {@code @WithTransaction} method. */
    public Uni<Void> append(String topic, CloudEvent event) {
        if (event.subject() == null) {
            throw new IllegalArgumentException("an outbox event needs a subject: it is the record key");
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change it reports"))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, event.id())
                        .setParameter(2, topic)
                        .setParameter(3, event.subject())
                        .setParameter(4, EventJson.write(event))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
