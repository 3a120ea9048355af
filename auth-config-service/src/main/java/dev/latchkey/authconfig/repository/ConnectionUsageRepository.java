package dev.latchkey.authconfig.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * The connections made from this service's auth configs, as other services' events tell of them, and the usage
 * they add up to on each auth config: how many connections, and when one last handed out credentials.
 */
@ApplicationScoped
public class ConnectionUsageRepository {

    private static final String REMEMBER = """
            INSERT INTO connection_usage (connection_id, tenant, auth_config_id) VALUES (?1, ?2, ?3)
            ON CONFLICT (connection_id) DO UPDATE SET auth_config_id = excluded.auth_config_id""";
    private static final String COUNT_UP =
            "UPDATE auth_configs SET connection_count = connection_count + 1 WHERE id = ?1 AND tenant = ?2";
    private static final String FORGET = "DELETE FROM connection_usage WHERE connection_id = ?1 AND tenant = ?2";
    private static final String COUNT_DOWN =
            "UPDATE auth_configs SET connection_count = greatest(connection_count - 1, 0) WHERE id = ?1 AND tenant = ?2";
    private static final String USED = """
            INSERT INTO connection_usage (connection_id, tenant, last_used_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (connection_id) DO UPDATE
            SET last_used_at = greatest(coalesce(connection_usage.last_used_at, excluded.last_used_at), excluded.last_used_at)""";
    /** Carries a connection's last use over to its auth config, once both are known. */
    private static final String LAST_USED = """
            UPDATE auth_configs SET last_used_at = greatest(coalesce(auth_configs.last_used_at, u.last_used_at), u.last_used_at)
            FROM connection_usage u
            WHERE u.connection_id = ?1 AND u.tenant = ?2 AND auth_configs.id = u.auth_config_id
              AND auth_configs.tenant = u.tenant AND u.last_used_at IS NOT NULL""";

    /** Records which auth config a connection was made from. */
    public Uni<Void> remember(String tenant, UUID connectionId, UUID authConfigId) {
        return execute(REMEMBER, connectionId, tenant, authConfigId);
    }

    public Uni<Void> forget(String tenant, UUID connectionId) {
        return execute(FORGET, connectionId, tenant);
    }

    public Uni<Void> countUp(String tenant, UUID authConfigId) {
        return execute(COUNT_UP, authConfigId, tenant);
    }

    /** One connection fewer; never below zero, whatever order the events came in. */
    public Uni<Void> countDown(String tenant, UUID authConfigId) {
        return execute(COUNT_DOWN, authConfigId, tenant);
    }

    /** Records that a connection handed out credentials at {@code at}; a later use already known is kept. */
    public Uni<Void> used(String tenant, UUID connectionId, Instant at) {
        return execute(USED, connectionId, tenant, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    public Uni<Void> carryLastUse(String tenant, UUID connectionId) {
        return execute(LAST_USED, connectionId, tenant);
    }
}
