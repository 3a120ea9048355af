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
 * chain stays verifiable across the cut.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final String TENANTS = """
            SELECT c.tenant, coalesce(r.days * 86400, $1) FROM audit_chains c LEFT JOIN audit_retention r USING (tenant)
            WHERE c.head_seq > c.cut_seq""";
    private static final String LOCK_CHAIN = "SELECT head_seq FROM audit_chains WHERE tenant = $1 FOR UPDATE";
    /** The last entry before the first one still within retention (or the head, when none is). */
    private static final String CUT_POINT = """
            SELECT e.chain_seq, e.hash FROM audit_events e
            WHERE e.tenant = $1 AND e.chain_seq < coalesce(
                (SELECT min(chain_seq) FROM audit_events WHERE tenant = $1 AND occurred_at >= now() - $2 * interval '1 second'),
                $3 + 1)
            ORDER BY e.chain_seq DESC LIMIT 1""";
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
                .onItem().transformToUniAndConcatenate(row -> retention.withTransaction(connection ->
                        cut(connection, row.getString(0), row.getLong(1))))
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    private static Uni<Long> cut(SqlConnection connection, String tenant, long keepSeconds) {
        return connection.preparedQuery(LOCK_CHAIN).execute(Tuple.of(tenant))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(head -> connection.preparedQuery(CUT_POINT).execute(Tuple.of(tenant, keepSeconds, head)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0L);
                    }
                    Row last = rows.iterator().next();
                    long cutSeq = last.getLong(0);
                    return connection.preparedQuery(DELETE).execute(Tuple.of(tenant, cutSeq))
                            .call(() -> connection.preparedQuery(RECORD_CUT).execute(Tuple.of(tenant, cutSeq, last.getBuffer(1).getDelegate())))
                            .map(deleted -> (long) deleted.rowCount());
                });
    }
}
