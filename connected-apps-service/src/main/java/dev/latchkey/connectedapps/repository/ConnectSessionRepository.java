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

/** Connect sessions by their token's hash: open while unused and unexpired, taken once. */
@ApplicationScoped
public class ConnectSessionRepository {

    private static final String INSERT = """
            INSERT INTO connect_sessions (token_hash, tenant, auth_config_id, environment, end_user_id, return_url, actor, expires_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""";
    private static final String OPEN = """
            SELECT tenant, auth_config_id, environment, end_user_id, return_url, actor, expires_at FROM connect_sessions
            WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > now()""";
    private static final String TAKE = """
            UPDATE connect_sessions SET used_at = now() WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > now()""";
    private static final String RELEASE = "UPDATE connect_sessions SET used_at = NULL WHERE token_hash = ?1 AND connection_id IS NULL";
    private static final String CONNECTED = "UPDATE connect_sessions SET connection_id = ?2 WHERE token_hash = ?1";

    public Uni<Void> persist(String tokenHash, ConnectSession session) {
        return execute(INSERT, tokenHash, session.tenant(), session.authConfigId(), session.environment(), session.endUserId(),
                session.returnUrl(), session.actor(), OffsetDateTime.ofInstant(session.expiresAt(), ZoneOffset.UTC));
    }

    /** The session if it can still be used; null otherwise. */
    public Uni<ConnectSession> findOpen(String tokenHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN).setParameter(1, tokenHash).getResultList())
                .map(rows -> rows.isEmpty() ? null : of((Object[]) rows.get(0)));
    }

    /** Takes the session for one connection; false when another request took it first or it expired. */
    public Uni<Boolean> take(String tokenHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE).setParameter(1, tokenHash).executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Gives a taken session back when the connection it was taken for was not made (invalid input). */
    public Uni<Void> release(String tokenHash) {
        return execute(RELEASE, tokenHash);
    }

    public Uni<Void> connected(String tokenHash, UUID connectionId) {
        return execute(CONNECTED, tokenHash, connectionId);
    }

    private static ConnectSession of(Object[] row) {
        return new ConnectSession((String) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], instant(row[6]));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
