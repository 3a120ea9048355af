package dev.latchkey.audit.repository;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.domain.AuditFilter;
import dev.latchkey.audit.domain.AuditTime;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Reads the audit log: pages and streams of a filter, one entry, and a tenant's chain in order. */
@ApplicationScoped
public class AuditQueries {

    /** The state of a tenant's chain: its last entry, and the last one retention deleted (0 and zeros: none). */
    public record Chain(long headSeq, byte[] headHash, long cutSeq, byte[] cutHash) {
    }

    private static final String COLUMNS = """
            seq, event_id, tenant, chain_seq, occurred_at, received_at, actor_type, actor_id, actor_name, action, target_type,
            target_id, target_name, outcome, environment, details, prev_hash, hash""";

    private final Pool pool;

    public AuditQueries(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} entries matching {@code filter}, newest first, older than {@code beforeSeq} when given. */
    public Uni<List<AuditEntry>> page(AuditFilter filter, Long beforeSeq, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        if (beforeSeq != null) {
            parameters.add(beforeSeq);
            where += " AND seq < $" + parameters.size();
        }
        parameters.add(limit);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM audit_events WHERE " + where + " ORDER BY seq DESC LIMIT $"
                        + parameters.size())
                .execute(Tuple.from(parameters))
                .map(AuditQueries::entries);
    }

    /** Every entry matching {@code filter}, newest first, read {@code pageSize} at a time as the subscriber asks. */
    public Multi<AuditEntry> stream(AuditFilter filter, int pageSize) {
        return Multi.createBy().repeating()
                .uni(() -> new long[] {Long.MAX_VALUE}, position -> page(filter, position[0], pageSize)
                        .invoke(page -> position[0] = page.isEmpty() ? 0 : page.get(page.size() - 1).seq()))
                .whilst(page -> page.size() == pageSize)
                .onItem().disjoint();
    }

    public Uni<AuditEntry> find(String tenant, UUID eventId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM audit_events WHERE tenant = $1 AND event_id = $2")
                .execute(Tuple.of(tenant, eventId))
                .map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next()));
    }

    /**
     * Runs {@code reads} in one read-only REPEATABLE READ transaction: every read sees the same snapshot, so entries
     * appended or cut meanwhile cannot make a consistent chain look broken.
     */
    public <T> Uni<T> inSnapshot(Function<ChainReads, Uni<T>> reads) {
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute().chain(() -> reads.apply(new ChainReads(connection))));
    }

    /** Reads of a tenant's chain, on one connection. */
    public static final class ChainReads {

        private final SqlConnection connection;

        private ChainReads(SqlConnection connection) {
            this.connection = connection;
        }

        /** The tenant's chain state; null when it has no entry yet. */
        public Uni<Chain> chain(String tenant) {
            return connection.preparedQuery("SELECT head_seq, head_hash, cut_seq, cut_hash FROM audit_chains WHERE tenant = $1")
                    .execute(Tuple.of(tenant))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            return null;
                        }
                        Row row = rows.iterator().next();
                        return new Chain(row.getLong(0), row.getBuffer(1).getBytes(), row.getLong(2), row.getBuffer(3).getBytes());
                    });
        }

        /**
         * The first and last chain positions of the entries received in [{@code from}, {@code to}); null when none
         * was. Every position between them is checked, whenever its entry was received.
         */
        public Uni<long[]> positions(String tenant, Instant from, Instant to) {
            return connection.preparedQuery("SELECT min(chain_seq), max(chain_seq) FROM audit_events WHERE tenant = $1"
                            + " AND received_at >= $2 AND received_at < $3")
                    .execute(Tuple.of(tenant, AuditTime.of(from), AuditTime.of(to)))
                    .map(rows -> {
                        Row row = rows.iterator().next();
                        return row.getLong(0) == null ? null : new long[] {row.getLong(0), row.getLong(1)};
                    });
        }

        /** The stored hash of the tenant's entry at {@code chainSeq}; null when there is none. */
        public Uni<byte[]> hashAt(String tenant, long chainSeq) {
            return connection.preparedQuery("SELECT hash FROM audit_events WHERE tenant = $1 AND chain_seq = $2")
                    .execute(Tuple.of(tenant, chainSeq))
                    .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer(0).getBytes());
        }

        /** The tenant's entries after position {@code after} up to {@code last}, in chain order, at most {@code limit}. */
        public Uni<List<AuditEntry>> segment(String tenant, long after, long last, int limit) {
            return connection.preparedQuery("SELECT " + COLUMNS + " FROM audit_events WHERE tenant = $1 AND chain_seq > $2"
                            + " AND chain_seq <= $3 ORDER BY chain_seq LIMIT $4")
                    .execute(Tuple.of(tenant, after, last, limit))
                    .map(AuditQueries::entries);
        }
    }

    private static List<AuditEntry> entries(RowSet<Row> rows) {
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        rows.forEach(row -> entries.add(entry(row)));
        return entries;
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getLong("seq"), row.getUUID("event_id"), row.getString("tenant"), row.getLong("chain_seq"),
                row.getOffsetDateTime("occurred_at").toInstant(), row.getOffsetDateTime("received_at").toInstant(),
                row.getString("actor_type"), row.getString("actor_id"), row.getString("actor_name"), row.getString("action"),
                row.getString("target_type"), row.getString("target_id"), row.getString("target_name"), row.getString("outcome"),
                row.getString("environment"), row.getString("details"), row.getBuffer("prev_hash").getBytes(),
                row.getBuffer("hash").getBytes());
    }
}
