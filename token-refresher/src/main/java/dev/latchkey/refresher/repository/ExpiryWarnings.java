package dev.latchkey.refresher.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/** Credentials to warn about before they end: one row each while a warning is ahead, due at {@code warn_at}. */
@ApplicationScoped
public class ExpiryWarnings {

    /** A warning due now: whose, and when the credential ends. */
    public record Due(UUID connectionId, String tenant, Instant expiresAt) {
    }

    private static final String WATCH = """
            INSERT INTO expiry_warnings (connection_id, tenant, expires_at, warn_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (connection_id) DO UPDATE SET expires_at = excluded.expires_at, warn_at = excluded.warn_at""";
    private static final String FORGET = "DELETE FROM expiry_warnings WHERE connection_id = ?1";
    /** Due warnings, locked until the transaction that writes their events moves them on: each goes out once. */
    private static final String TAKE_DUE = """
            SELECT connection_id, tenant, expires_at FROM expiry_warnings WHERE warn_at <= now()
            ORDER BY warn_at LIMIT ?1 FOR UPDATE SKIP LOCKED""";
    private static final String NEXT = "UPDATE expiry_warnings SET warn_at = ?2 WHERE connection_id = ?1";

    public Uni<Void> watch(UUID connectionId, String tenant, Instant expiresAt, Instant warnAt) {
        return execute(WATCH, connectionId, tenant, time(expiresAt), time(warnAt));
    }

    public Uni<Void> forget(UUID connectionId) {
        return execute(FORGET, connectionId);
    }

    /** Takes due warnings; the caller's transaction must move each on ({@link #next}) with its event. */
    public Uni<List<Due>> takeDue(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE_DUE).setParameter(1, limit).getResultList())
                .map(rows -> rows.stream().map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Due((UUID) columns[0], (String) columns[1], columns[2] instanceof OffsetDateTime at ? at.toInstant()
                            : (Instant) columns[2]);
                }).toList());
    }

    /** The connection's next warning is at {@code warnAt}; null: it has had its last one. */
    public Uni<Void> next(UUID connectionId, Instant warnAt) {
        return warnAt == null ? forget(connectionId) : execute(NEXT, connectionId, time(warnAt));
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
