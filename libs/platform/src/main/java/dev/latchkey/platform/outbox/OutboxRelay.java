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
import java.util.List;
import java.util.concurrent.Future;

/**
 * Publishes pending outbox rows in id order, so each aggregate's events keep their order.
 * <p>
 * A relay takes the schema's one lease ({@code outbox_lease}) and reads a batch in a short transaction; the rows are
 * sent with no transaction open and no connection held; the rows that the broker acknowledged are then deleted (Kafka
 * is the log) and the lease given back. Nobody takes a live lease, so any number of relay instances may run and at
 * most one batch per schema is in flight at a time. A relay that dies mid-batch is replaced when its lease runs out;
 * the rows it may have sent are sent again, which is why consumers deduplicate by event id.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String ANY_PENDING = "SELECT EXISTS (SELECT 1 FROM outbox)";
    private static final String TAKE_LEASE = """
            UPDATE outbox_lease SET holder = $1, until = now() + make_interval(secs => $2)
            WHERE until IS NULL OR until < now()""";
    /**
     * The oldest rows holding about $1 events: every row whose earlier rows hold fewer than $1, so a batch row is never
     * split and a relay batch is full (at least $1 events) whenever that many are pending. The first $1 rows hold at
     * least $1 events, so the running sum only ever reads those.
     */
    private static final String PENDING = """
            SELECT id, topic, record_key, payload, record_keys, payloads FROM (
                SELECT *, sum(coalesce(cardinality(payloads), 1)) OVER (ORDER BY id) AS through
                FROM (SELECT * FROM outbox ORDER BY id LIMIT $1) AS oldest) AS counted
            WHERE through - coalesce(cardinality(payloads), 1) < $1
            ORDER BY id""";
    private static final String DELETE_SENT = "DELETE FROM outbox WHERE id = ANY($1)";
    private static final String GIVE_BACK = "UPDATE outbox_lease SET holder = NULL, until = NULL WHERE holder = $1";

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

    /**
     * Takes the lease and sends one batch; the number of events taken, 0 when none is pending or another relay is
     * sending. A batch is full when it took at least {@link #batchSize()}.
     */
    public Uni<Integer> relayBatch() {
        return pool.query(ANY_PENDING).execute().chain(any -> !any.iterator().next().getBoolean(0)
                ? Uni.createFrom().item(0)
                : pool.withTransaction(this::take).chain(taken -> taken.isEmpty()
                        ? giveBack().replaceWith(0)
                        : Uni.createFrom().item(() -> send(taken))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .chain(sent -> settle(taken, sent))
                                .replaceWith(events(taken))));
    }

    /** The oldest pending rows, if this relay got the lease; none when another relay holds it. */
    private Uni<List<PendingRow>> take(SqlConnection connection) {
        return connection.preparedQuery(TAKE_LEASE).execute(Tuple.of(relayId, (double) lease.toMillis() / 1000))
                .chain(leased -> leased.rowCount() == 0
                        ? Uni.createFrom().item(List.<PendingRow>of())
                        : connection.preparedQuery(PENDING).execute(Tuple.of(batchSize)).map(rows -> {
                            List<PendingRow> taken = new ArrayList<>();
                            for (Row row : rows) {
                                taken.add(new PendingRow(row.getLong("id"), row.getString("topic"), records(row)));
                            }
                            return taken;
                        }));
    }

    private static List<PendingRow.Record> records(Row row) {
        String[] payloads = row.getArrayOfStrings("payloads");
        if (payloads == null) {
            return List.of(new PendingRow.Record(row.getString("record_key"), row.getString("payload")));
        }
        String[] keys = row.getArrayOfStrings("record_keys");
        List<PendingRow.Record> records = new ArrayList<>(payloads.length);
        for (int i = 0; i < payloads.length; i++) {
            records.add(new PendingRow.Record(keys[i], payloads[i]));
        }
        return records;
    }

    /**
     * Blocking: sends in id order and waits for the broker. Returns how many rows, from the first, the broker
     * acknowledged every event of; everything after the first failure is sent again later, so no event overtakes an
     * earlier one (a batch row's events acknowledged before the failure go again too: consumers deduplicate).
     */
    private int send(List<PendingRow> taken) {
        List<List<Future<RecordMetadata>>> acks = new ArrayList<>(taken.size());
        try {
            for (PendingRow row : taken) {
                List<Future<RecordMetadata>> rowAcks = new ArrayList<>(row.records().size());
                acks.add(rowAcks);
                for (PendingRow.Record record : row.records()) {
                    var ack = producer.send(new ProducerRecord<>(row.topic(), record.key(), record.payload()));
                    rowAcks.add(ack);
                    if (ack.isDone()) {
                        // Done at once means refused at once (no metadata: the broker is away); each further send
                        // would wait max.block.ms for nothing.
                        ack.get();
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("outbox relay %s could not hand events to the producer: %s", relayId, e.getMessage());
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                for (var ack : acks.get(i)) {
                    ack.get();
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay %s: row %d and later not acknowledged, will retry: %s",
                        relayId, taken.get(i).id(), e.getMessage());
                return i;
            }
        }
        return acks.size();
    }

    /** Deletes what the broker acknowledged and gives the lease back; the rest is sent again, in order, next time. */
    private Uni<Void> settle(List<PendingRow> taken, int acknowledged) {
        return pool.preparedQuery(DELETE_SENT).execute(Tuple.of((Object) ids(taken.subList(0, acknowledged))))
                .chain(this::giveBack);
    }

    /** Gives the lease back, if this relay still holds it. */
    private Uni<Void> giveBack() {
        return pool.preparedQuery(GIVE_BACK).execute(Tuple.of(relayId)).replaceWithVoid();
    }

    private static Long[] ids(List<PendingRow> rows) {
        return rows.stream().map(PendingRow::id).toArray(Long[]::new);
    }

    private static int events(List<PendingRow> rows) {
        return rows.stream().mapToInt(row -> row.records().size()).sum();
    }
}
