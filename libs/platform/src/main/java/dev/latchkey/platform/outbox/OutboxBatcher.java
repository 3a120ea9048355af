package dev.latchkey.platform.outbox;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Commits the events that report no state change of their own (a credential read, a proxied call) together with
 * concurrent requests' ones: one outbox row per topic holds the whole batch, inserted in one round trip and one
 * implicit transaction, so one commit, one tuple and one index entry for the whole batch (and one delete when the
 * relay has sent it). {@link #append} completes once the event's batch has committed: a
 * request that waits for it answers only when its event is durable. A batch that fails fails every request in it, and
 * none of its events is stored.
 * <p>
 * Batches form by themselves, with no timer: while {@code flushes} inserts are in flight new events queue, and the next
 * insert takes all that queued (up to {@code batch-events}). Under light load an event is inserted at once; under heavy
 * load a batch holds what arrived during one commit.
 */
@ApplicationScoped
public class OutboxBatcher {

    private static final String INSERT = "INSERT INTO outbox (topic, record_keys, payloads) VALUES ($1, $2, $3)";

    /** An event waiting for its batch, and where to tell its request that the batch committed. */
    private record Queued(String topic, CloudEvent event, Context context, CompletableFuture<Void> committed) {

        void settle(Throwable failure) {
            Runnable settle = failure == null ? () -> committed.complete(null) : () -> committed.completeExceptionally(failure);
            if (context == null) {
                settle.run();
            } else {
                context.runOnContext(ignored -> settle.run());
            }
        }
    }

    private final Pool pool;
    private final int maxEvents;
    private final int flushes;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public OutboxBatcher(Pool pool, OutboxConfig config) {
        this.pool = pool;
        this.maxEvents = config.batchEvents();
        this.flushes = config.batchFlushes();
    }

    /** Completes once the event is committed to the outbox; fails, with nothing stored, when its batch could not be. */
    public Uni<Void> append(String topic, CloudEvent event) {
        if (event.subject() == null) {
            throw new IllegalArgumentException("an outbox event needs a subject: it is the record key");
        }
        var queued = new Queued(topic, event, Vertx.currentContext(), new CompletableFuture<>());
        queue.add(queued);
        flushIfIdle();
        return Uni.createFrom().completionStage(queued.committed());
    }

    /** Starts an insert when one may start and events wait. Every insert that ends calls this again, so none is left waiting. */
    private void flushIfIdle() {
        while (!queue.isEmpty()) {
            int running = inFlight.get();
            if (running >= flushes) {
                return;
            }
            if (inFlight.compareAndSet(running, running + 1)) {
                flush(drain());
                return;
            }
        }
    }

    private List<Queued> drain() {
        List<Queued> batch = new ArrayList<>();
        Queued next;
        while (batch.size() < maxEvents && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void flush(List<Queued> batch) {
        if (batch.isEmpty()) {
            finished();
            return;
        }
        Map<String, List<Queued>> byTopic = batch.stream()
                .collect(Collectors.groupingBy(Queued::topic, LinkedHashMap::new, Collectors.toList()));
        List<Tuple> rows = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, events) -> rows.add(Tuple.of(topic,
                events.stream().map(queued -> queued.event().subject()).toArray(String[]::new),
                events.stream().map(queued -> EventJson.write(queued.event())).toArray(String[]::new))));
        // The statements of one executeBatch share one Sync: PostgreSQL runs them as one implicit transaction.
        pool.preparedQuery(INSERT).executeBatch(rows).subscribe().with(
                inserted -> settle(batch, null),
                failure -> settle(batch, failure));
    }

    private void settle(List<Queued> batch, Throwable failure) {
        finished();
        batch.forEach(queued -> queued.settle(failure));
    }

    private void finished() {
        inFlight.decrementAndGet();
        flushIfIdle();
    }
}
