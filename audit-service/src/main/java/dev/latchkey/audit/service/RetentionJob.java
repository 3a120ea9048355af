package dev.latchkey.audit.service;

import dev.latchkey.audit.config.AuditConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/**
 * Deletes what is past each tenant's retention, as the only role allowed to delete audit entries. The cut is a
 * prefix of the tenant's chain (every entry up to the first that occurred within the retention period), and the
 * last deleted entry's position and hash are recorded, so the first entry left still links to a known hash and the
 * chain stays verifiable across the cut. It deletes {@value #CHUNK} entries per transaction, so a tenant whose
 * period was shortened never holds its chain (and the ingestion waiting on it) for long.
 */
@ApplicationScoped
public class RetentionJob {

    static final int CHUNK = 10_000;

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final String TENANTS = """
            SELECT c.tenant, coalesce(r.days * 86400, $1) FROM audit_chains c LEFT JOIN audit_retention r USING (tenant)
            WHERE c.head_seq > c.cut_seq""";
    /** Waits for the chain at most this long: ingestion holds it briefly, and retention can run again later. */
    private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";
    private static final String LOCK_CHAIN = "SELECT head_seq, cut_seq FROM audit_chains WHERE tenant = $1 FOR UPDATE";
    /** The position of the last entry before the first one still within retention (the head, when none is). */
    private static final String CUT_POINT = """
            SELECT coalesce(min(chain_seq) - 1, $3) FROM audit_events
            WHERE tenant = $1 AND occurred_at >= now() - $2 * interval '1 second'""";
    private static final String HASH_AT = "SELECT hash FROM audit_events WHERE tenant = $1 AND chain_seq = $2";
    private static final String DELETE = "DELETE FROM audit_events WHERE tenant = $1 AND chain_seq <= $2";
    private static final String RECORD_CUT = "UPDATE audit_chains SET cut_seq = $2, cut_hash = $3 WHERE tenant = $1";

    private final Pool retention;
    private final AuditConfig config;

    public RetentionJob(@ReactiveDataSource("retention") Pool retention, AuditConfig config) {
        this.retention = retention;
        this.config = config;
    }

    @Scheduled(every = "${latchkey.audit.retention-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return cut().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("retention deleted %d audit entries", deleted);
            }
        }).replaceWithVoid();
    }

    /** Cuts every tenant's chain at its retention; returns how many entries were deleted. */
    public Uni<Long> cut() {
        return retention.preparedQuery(TENANTS).execute(Tuple.of(config.retention().toSeconds()))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> cut(row.getString(0), row.getLong(1)))
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    /** Cuts one tenant's chain, a chunk per transaction, until nothing past its retention is left. */
    private Uni<Long> cut(String tenant, long keepSeconds) {
        return retention.withTransaction(connection -> cutChunk(connection, tenant, keepSeconds))
                .chain(deleted -> deleted < CHUNK ? Uni.createFrom().item(deleted)
                        : cut(tenant, keepSeconds).map(more -> more + deleted));
    }

    private static Uni<Long> cutChunk(SqlConnection connection, String tenant, long keepSeconds) {
        return connection.query(LOCK_TIMEOUT).execute()
                .chain(() -> connection.preparedQuery(LOCK_CHAIN).execute(Tuple.of(tenant)))
                .map(rows -> rows.iterator().next())
                .chain(chain -> connection.preparedQuery(CUT_POINT).execute(Tuple.of(tenant, keepSeconds, chain.getLong(0)))
                        .map(rows -> Math.min(rows.iterator().next().getLong(0), chain.getLong(1) + CHUNK))
                        .chain(end -> end <= chain.getLong(1) ? Uni.createFrom().item(0L) : deleteUpTo(connection, tenant, end)));
    }

    private static Uni<Long> deleteUpTo(SqlConnection connection, String tenant, long end) {
        return connection.preparedQuery(HASH_AT).execute(Tuple.of(tenant, end)).chain(rows -> {
            if (rows.size() == 0) {
                LOG.errorf("retention stops at tenant %s: its entry at position %d is gone; verify names what is missing", tenant, end);
                return Uni.createFrom().item(0L);
            }
            Row last = rows.iterator().next();
            return connection.preparedQuery(DELETE).execute(Tuple.of(tenant, end))
                    .call(() -> connection.preparedQuery(RECORD_CUT).execute(Tuple.of(tenant, end, last.getBuffer(0).getDelegate())))
                    .map(deleted -> (long) deleted.rowCount());
        });
    }
}
