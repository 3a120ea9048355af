package dev.latchkey.audit.repository;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Deletes a prefix of a tenant's chain, as {@code audit_retention}: the only role allowed to delete audit entries
 * (a datasource of its own, so the service's role cannot). The last deleted entry's position and hash are
 * recorded, so the first entry left still links to a known hash and the chain stays verifiable across the cut.
 */
@ApplicationScoped
public class ChainCuts {

    /** A tenant whose chain holds entries, and how long it keeps them. */
    public record Tenant(String tenant, long keepSeconds) {
    }

    private static final Logger LOG = Logger.getLogger(ChainCuts.class);
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

    public ChainCuts(@ReactiveDataSource("retention") Pool retention) {
        this.retention = retention;
    }

    /** Every tenant with entries in its chain, with its own retention or else {@code defaultRetention}. */
    public Uni<List<Tenant>> tenants(Duration defaultRetention) {
        return retention.preparedQuery(TENANTS).execute(Tuple.of(defaultRetention.toSeconds()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Tenant(row.getString(0), row.getLong(1))).toList());
    }

    /**
     * Deletes, in one transaction, at most {@code chunk} of the tenant's entries that occurred before its last
     * {@code keepSeconds}, oldest first; returns how many it deleted.
     */
    public Uni<Long> cut(String tenant, long keepSeconds, int chunk) {
        return retention.withTransaction(connection -> connection.query(LOCK_TIMEOUT).execute()
                .chain(() -> connection.preparedQuery(LOCK_CHAIN).execute(Tuple.of(tenant)))
                .map(rows -> rows.iterator().next())
                .chain(chain -> connection.preparedQuery(CUT_POINT).execute(Tuple.of(tenant, keepSeconds, chain.getLong(0)))
                        .map(rows -> Math.min(rows.iterator().next().getLong(0), chain.getLong(1) + chunk))
                        .chain(end -> end <= chain.getLong(1) ? Uni.createFrom().item(0L) : deleteUpTo(connection, tenant, end))));
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
