package dev.latchkey.platform.consumer;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Handles each event at most once per consumer, even when Kafka redelivers it: the event id is recorded in
 * {@code processed_events} in the same transaction as the handler's own changes, so both commit or neither.
 * Only an event whose source publishes its type is handled ({@link EventType#publishedBy}).
 * The Kafka offset is committed only after the returned {@code Uni} completes (SmallRye's post-processing
 * acknowledgement), so a crash before commit means redelivery, never loss. A handler that fails (the database
 * is down) rolls its transaction back and is tried again with backoff: the partition waits, nothing is skipped,
 * and the consumer recovers by itself when the fault ends. One still failing after {@link #GIVE_UP_AFTER} (an
 * event it can never handle) fails the channel: the health check reports it and the service is restarted.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final String MARK_PROCESSED =
            "INSERT INTO processed_events (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
    private static final String MARK_ALL_PROCESSED = """
            INSERT INTO processed_events (consumer, event_id) SELECT ?1, unnest(CAST(?2 AS uuid[]))
            ON CONFLICT DO NOTHING RETURNING event_id""";

    /**
     * Reads a Kafka record's value as an event and handles it once. A record that is not a readable event is
     * skipped and logged: reading it again cannot succeed. A handler that fails is retried (see the class).
     */
    public Uni<Void> handleRecordOnce(String consumer, String record, Function<CloudEvent, Uni<Void>> handler) {
        return readable(consumer, record).map(event -> handleOnce(consumer, event, handler).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * A batch of records in one transaction: {@code handler} gets the readable events {@code consumer} has not
     * handled before (a redelivered batch, or one holding an event twice, yields each once), in record order.
     * For consumers whose throughput needs one commit per batch rather than per event.
     */
    public Uni<List<CloudEvent>> handleRecordsOnce(String consumer, List<String> records,
            Function<List<CloudEvent>, Uni<Void>> handler) {
        return handleRecords(consumer, records, events -> markAll(consumer, events)
                .call(fresh -> fresh.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(fresh)));
    }

    /** {@link #handleRecordsOnce(String, List, Function)} for a polled batch as a batch channel hands it over. */
    public Uni<List<CloudEvent>> handleRecordsOnce(String consumer, ConsumerRecords<String, String> records,
            Function<List<CloudEvent>, Uni<Void>> handler) {
        return handleRecordsOnce(consumer, values(records), handler);
    }

    /**
     * A batch of records in one transaction, retried as {@link #handleRecordsOnce(String, List, Function)} is, for a
     * consumer whose own rows already say which events it has handled (a unique event id of its own, as the audit
     * log's): {@code handler} gets every readable event, in record order, and must itself leave out those it has
     * handled before; nothing is written to {@code processed_events}.
     */
    public <T> Uni<T> handleRecords(String consumer, List<String> records, Function<List<CloudEvent>, Uni<T>> handler) {
        List<CloudEvent> events = records.stream().flatMap(record -> readable(consumer, record).stream()).toList();
        return untilDone(consumer, () -> Panache.withTransaction(() -> handler.apply(events)));
    }

    /** The values of a polled batch, as a batch channel hands it over, in record order. */
    public static List<String> values(ConsumerRecords<String, String> records) {
        List<String> values = new ArrayList<>(records.count());
        records.forEach(record -> values.add(record.value()));
        return values;
    }

    /** Records that {@code consumer} handles {@code events}, in one statement; returns those it had not before, in order. */
    private static Uni<List<CloudEvent>> markAll(String consumer, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_ALL_PROCESSED, UUID.class)
                        .setParameter(1, consumer)
                        .setParameter(2, events.stream().map(CloudEvent::id).toArray(UUID[]::new))
                        .getResultList())
                .map(marked -> {
                    Set<UUID> fresh = new HashSet<>(marked);
                    // remove: an event the batch holds twice is handled at its first place only
                    return events.stream().filter(event -> fresh.remove(event.id())).toList();
                });
    }

    /**
     * Runs {@code transaction} again, each time in a new transaction, until it succeeds or {@link #GIVE_UP_AFTER}
     * has passed. Every attempt runs on the caller's Vert.x context (the backoff's timer fires elsewhere), where the
     * reactive session must be used.
     */
    private static <T> Uni<T> untilDone(String consumer, Supplier<Uni<T>> transaction) {
        Context context = Vertx.currentContext();
        Uni<T> attempt = Uni.createFrom().deferred(transaction::get);
        return (context == null ? attempt : attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run())))
                .onFailure().invoke(failure -> LOG.warnf("%s could not handle an event and tries again: %s", consumer,
                        failure.getMessage()))
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).expireIn(GIVE_UP_AFTER.toMillis());
    }

    /**
     * The record as an event, when it is one and its source is a service that publishes its type: an event another
     * service (or anyone else who got to write to the topic) made up is skipped, as reading it again cannot change that.
     */
    private static Optional<CloudEvent> readable(String consumer, String record) {
        CloudEvent event;
        EventType type;
        try {
            event = EventJson.read(record);
            type = EventJson.data(event).eventType();
        } catch (RuntimeException e) {
            LOG.warnf("%s skips a record that is not a readable event: %s", consumer, e.getMessage());
            return Optional.empty();
        }
        if (!type.publishedBy(event.source())) {
            LOG.warnf("%s skips event %s: %s is published by %s, not by %s", consumer, event.id(), type.eventName(),
                    type.publishers(), event.source());
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /** Runs {@code handler} unless {@code consumer} has handled this event id before; true when it ran. */
    public Uni<Boolean> handleOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> handler) {
        return untilDone(consumer, () -> Panache.withTransaction(() -> mark(consumer, event)
                .chain(marked -> marked
                        ? handler.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE))));
    }

    /** Records that {@code consumer} handles {@code event}; false when it has before. */
    private static Uni<Boolean> mark(String consumer, CloudEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_PROCESSED)
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .executeUpdate())
                .map(marked -> marked == 1);
    }
}
