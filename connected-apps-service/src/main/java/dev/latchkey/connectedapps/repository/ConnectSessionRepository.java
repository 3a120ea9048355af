package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.ConnectSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * Connect sessions: opened once by their token's hash, which binds them to a browser; from then on known by that
 * browser's hash only, open while unused and unexpired, taken once.
 */
@ApplicationScoped
public class ConnectSessionRepository {

    private static final String INSERT = """
            INSERT INTO connect_sessions (token_hash, tenant, auth_config_id, environment, end_user_id, return_url, actor, expires_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""";
    /** The first visit wins: a link already opened, by any browser, is not opened again. */
    private static final String BIND = """
            UPDATE connect_sessions SET browser_hash = ?2
            WHERE token_hash = ?1 AND browser_hash IS NULL AND used_at IS NULL AND expires_at > now()
            RETURNING expires_at""";
    private static final String OPEN = """
            SELECT tenant, auth_config_id, environment, end_user_id, return_url, actor, expires_at FROM connect_sessions
            WHERE browser_hash = ?1 AND used_at IS NULL AND expires_at > now()""";
    private static final String TAKE = """
            UPDATE connect_sessions SET used_at = now() WHERE browser_hash = ?1 AND used_at IS NULL AND expires_at > now()""";
    private static final String RELEASE = "UPDATE connect_sessions SET used_at = NULL WHERE browser_hash = ?1 AND connection_id IS NULL";
    private static final String CONNECTED = "UPDATE connect_sessions SET connection_id = ?2 WHERE browser_hash = ?1";

    public Uni<Void> persist(String tokenHash, ConnectSession session) {
        return execute(INSERT, tokenHash, session.tenant(), session.authConfigId(), session.environment(), session.endUserId(),
                session.returnUrl(), session.actor(), OffsetDateTime.ofInstant(session.expiresAt(), ZoneOffset.UTC));
    }

    /**
     * Binds the link to the browser that opens it first; answers when the session expires, or null when the link is
     * unknown, was opened before, used or expired.
     */
    public Uni<Instant> bind(String tokenHash, String browserHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(BIND).setParameter(1, tokenHash)
                        .setParameter(2, browserHash).getResultList())
                .map(rows -> rows.isEmpty() ? null : instant(rows.get(0)));
    }

    /** The session the browser opened if it can still be used; null otherwise. */
    public Uni<ConnectSession> findOpen(String browserHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN).setParameter(1, browserHash).getResultList())
                .map(rows -> rows.isEmpty() ? null : of((Object[]) rows.get(0)));
    }

    /** Takes the session for one connection; false when another request took it first or it expired. */
    public Uni<Boolean> take(String browserHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE).setParameter(1, browserHash).executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Gives a taken session back when the connection it was taken for was not made (invalid input). */
    public Uni<Void> release(String browserHash) {
        return execute(RELEASE, browserHash);
    }

    public Uni<Void> connected(String browserHash, UUID connectionId) {
        return execute(CONNECTED, browserHash, connectionId);
    }

    private static ConnectSession of(Object[] row) {
        return new ConnectSession((String) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], instant(row[6]));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
