package dev.latchkey.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Publishes pending outbox rows in id order, so each aggregate's events keep their order.
 * <p>
 * A batch is claimed with a lease in a short transaction; the rows are sent with no transaction open and
 * no connection held; the rows that the broker acknowledged are then deleted (Kafka is the log). A transaction-scoped
 * advisory lock serialises claiming, and nobody claims while another relay's lease is live, so any number
 * of relay instances may run and at most one batch per schema is in flight at a time. A relay that dies
 * mid-batch is replaced when its lease runs out; the rows it may have sent are sent again, which is why
 * consumers deduplicate by event id.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String TRY_CLAIM_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '_outbox'))";
    private static final String CLAIM = """
            UPDATE outbox SET claimed_by = $1, claimed_until = now() + make_interval(secs => $2)
            WHERE id IN (
                SELECT id FROM outbox
                WHERE NOT EXISTS (SELECT 1 FROM outbox live WHERE live.claimed_until > now())
                ORDER BY id
                LIMIT $3)
            RETURNING id, topic, record_key, payload""";
    private static final String DELETE_SENT = "DELETE FROM outbox WHERE id = ANY($1) AND claimed_by = $2";
    private static final String RELEASE =
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ANY($1) AND claimed_by = $2";

    private final Pool pool;
    private final Producer<String, String> producer;
    private final String relayId;
    private final int batchSize;
    private final Duration lease;

    public OutboxRelay(Pool pool, Producer<String, String> producer, String relayId, int batchSize, Duration lease) {
        this.pool = pool;
        this.producer = producer;
        this.relayId = relayId;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Claims and sends one batch; the number of rows claimed, 0 when none is pending or another relay is sending. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(this::claim).chain(claimed -> claimed.isEmpty()
                ? Uni.createFrom().item(0)
                : Uni.createFrom().item(() -> send(claimed))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .chain(sent -> settle(claimed, sent))
                        .replaceWith(claimed.size()));
    }

    private Uni<List<PendingEvent>> claim(SqlConnection connection) {
        return connection.query(TRY_CLAIM_LOCK).execute()
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? connection.preparedQuery(CLAIM)
                                .execute(Tuple.of(relayId, (double) lease.toMillis() / 1000, batchSize))
                                .map(rows -> {
                                    List<PendingEvent> claimed = new ArrayList<>();
                                    for (Row row : rows) {
                                        claimed.add(new PendingEvent(row.getLong("id"), row.getString("topic"),
                                                row.getString("record_key"), row.getString("payload")));
                                    }
                                    claimed.sort(Comparator.comparingLong(PendingEvent::id));
                                    return claimed;
                                })
                        : Uni.createFrom().item(List.of()));
    }

    /**
     * Blocking: sends in id order and waits for the broker. Returns how many rows, from the first, the broker
     * acknowledged; everything after the first failure is sent again later, so no event overtakes an earlier one.
     */
    private int send(List<PendingEvent> claimed) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(claimed.size());
        try {
            for (PendingEvent event : claimed) {
                var ack = producer.send(new ProducerRecord<>(event.topic(), event.recordKey(), event.payload()));
                acks.add(ack);
                if (ack.isDone()) {
                    // Done at once means refused at once (no metadata: the broker is away); each further send
                    // would wait max.block.ms for nothing.
                    ack.get();
                }
            }
        } catch (Exception e) {
            LOG.warnf("outbox relay %s could not hand events to the producer: %s", relayId, e.getMessage());
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
            } catch (Exception e) {
                LOG.warnf("outbox relay %s: row %d and later not acknowledged, will retry: %s",
                        relayId, claimed.get(i).id(), e.getMessage());
                return i;
            }
        }
        return acks.size();
    }

    private Uni<Void> settle(List<PendingEvent> claimed, int acknowledged) {
        Long[] sent = ids(claimed.subList(0, acknowledged));
        Long[] unsent = ids(claimed.subList(acknowledged, claimed.size()));
        return pool.preparedQuery(DELETE_SENT).execute(Tuple.of(sent, relayId))
                .chain(() -> pool.preparedQuery(RELEASE).execute(Tuple.of(unsent, relayId)))
                .replaceWithVoid();
    }

    private static Long[] ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::id).toArray(Long[]::new);
    }
}
