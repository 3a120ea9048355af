package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.Connection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.update;

/** What outlived its use: authorization requests, connect sessions and connections nobody authorized. */
@ApplicationScoped
public class Leftovers {

    private static final String AUTHORIZATIONS = "DELETE FROM authorizations WHERE expires_at < ?1";
    private static final String CONNECT_SESSIONS = "DELETE FROM connect_sessions WHERE expires_at < ?1";
    /** Each row once, however many replicas purge at the same time. */
    private static final String ABANDONED = """
            DELETE FROM connections WHERE id IN (
                SELECT id FROM connections WHERE status = 'PENDING' AND secret_version = 0 AND updated_at < ?1
                ORDER BY updated_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
            RETURNING id, tenant, auth_config_id""";

    /** Removes the authorization requests (and their PKCE verifiers) that expired before {@code cutoff}. */
    public Uni<Integer> removeAuthorizations(Instant cutoff) {
        return update(AUTHORIZATIONS, utc(cutoff));
    }

    public Uni<Integer> removeConnectSessions(Instant cutoff) {
        return update(CONNECT_SESSIONS, utc(cutoff));
    }

    /** Removes up to {@code limit} connections left PENDING, never authorized, since before {@code cutoff}. */
    public Uni<List<Connection>> removeAbandoned(Instant cutoff, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ABANDONED).setParameter(1, utc(cutoff))
                        .setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(row -> removed((Object[]) row)).toList());
    }

    private static Connection removed(Object[] row) {
        Connection connection = new Connection();
        connection.id = (UUID) row[0];
        connection.tenant = (String) row[1];
        connection.authConfigId = (UUID) row[2];
        return connection;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
