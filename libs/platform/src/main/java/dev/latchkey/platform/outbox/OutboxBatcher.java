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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Commits the events that report no state change of their own (a credential read, a proxied call) together with
 * concurrent requests' ones: one multi-row insert into the outbox per batch, a single statement in autocommit, so one
 * round trip and one commit for the whole batch. {@link #append} completes once the event's batch has committed: a
 * request that waits for it answers only when its event is durable. A batch that fails fails every request in it, and
 * none of its events is stored.
 * <p>
 * Batches form by themselves, with no timer: while {@code flushes} inserts are in flight new events queue, and the next
 * insert takes all that queued (up to {@code batch-events}). Under light load an event is inserted at once; under heavy
 * load a batch holds what arrived during one commit.
 */
@ApplicationScoped
public class OutboxBatcher {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, topic, record_key, payload)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])""";

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
        UUID[] ids = new UUID[batch.size()];
        String[] topics = new String[batch.size()];
        String[] keys = new String[batch.size()];
        String[] payloads = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Queued queued = batch.get(i);
            ids[i] = queued.event().id();
            topics[i] = queued.topic();
            keys[i] = queued.event().subject();
            payloads[i] = EventJson.write(queued.event());
        }
        Tuple arrays = Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(topics).addArrayOfString(keys).addArrayOfString(payloads);
        pool.preparedQuery(INSERT).execute(arrays).subscribe().with(
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
