package dev.latchkey.refresher.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.platform.consumer.IdempotentConsumer.execute;

/** Credentials to warn about before they end, each warned about once. */
@ApplicationScoped
public class ExpiryWarnings {

    /** A warning due now: whose, and when the credential ends. */
    public record Due(UUID connectionId, String tenant, Instant expiresAt) {
    }

    private static final String WATCH = """
            INSERT INTO expiry_warnings (connection_id, tenant, expires_at, warn_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (connection_id) DO UPDATE SET expires_at = excluded.expires_at, warn_at = excluded.warn_at, warned_at = NULL""";
    private static final String FORGET = "DELETE FROM expiry_warnings WHERE connection_id = ?1";
    /** Marks due warnings sent in the transaction that writes their events: each goes out once, whatever the replicas. */
    private static final String TAKE_DUE = """
            UPDATE expiry_warnings SET warned_at = now()
            WHERE connection_id IN (SELECT connection_id FROM expiry_warnings WHERE warn_at <= now() AND warned_at IS NULL
                                    ORDER BY warn_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
            RETURNING connection_id, tenant, expires_at""";

    public Uni<Void> watch(UUID connectionId, String tenant, Instant expiresAt, Instant warnAt) {
        return execute(WATCH, connectionId, tenant, time(expiresAt), time(warnAt));
    }

    public Uni<Void> forget(UUID connectionId) {
        return execute(FORGET, connectionId);
    }

    public Uni<List<Due>> takeDue(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE_DUE).setParameter(1, limit).getResultList())
                .map(rows -> rows.stream().map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Due((UUID) columns[0], (String) columns[1], columns[2] instanceof OffsetDateTime at ? at.toInstant()
                            : (Instant) columns[2]);
                }).toList());
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
