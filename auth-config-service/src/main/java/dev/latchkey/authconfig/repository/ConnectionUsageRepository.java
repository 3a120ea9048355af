package dev.latchkey.authconfig.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * The connections made from this service's auth configs, as other services' events tell of them, and the usage
 * they add up to on each auth config: how many connections, and when one last handed out credentials.
 */
@ApplicationScoped
public class ConnectionUsageRepository {

    private static final String REMEMBER = """
            INSERT INTO connection_usage (connection_id, tenant, auth_config_id, environment) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (connection_id) DO UPDATE
            SET auth_config_id = excluded.auth_config_id, environment = excluded.environment""";
    private static final String OTHER_ENVIRONMENTS = """
            SELECT DISTINCT environment FROM connection_usage WHERE tenant = ?1 AND auth_config_id = ?2 AND environment <> ?3
            ORDER BY environment""";
    private static final String COUNT_UP =
            "UPDATE auth_configs SET connection_count = connection_count + 1 WHERE id = ?1 AND tenant = ?2";
    private static final String FORGET = "DELETE FROM connection_usage WHERE connection_id = ?1 AND tenant = ?2";
    private static final String COUNT_DOWN =
            "UPDATE auth_configs SET connection_count = greatest(connection_count - 1, 0) WHERE id = ?1 AND tenant = ?2";
    /** Each connection once (ON CONFLICT may touch a row once a statement): ids, tenants, times as ISO-8601 text. */
    private static final String USED = """
            INSERT INTO connection_usage (connection_id, tenant, last_used_at)
            SELECT used.connection_id, used.tenant, cast(used.at AS timestamptz)
            FROM unnest(cast(?1 AS uuid[]), cast(?2 AS text[]), cast(?3 AS text[])) AS used(connection_id, tenant, at)
            ON CONFLICT (connection_id) DO UPDATE
            SET last_used_at = greatest(coalesce(connection_usage.last_used_at, excluded.last_used_at), excluded.last_used_at)""";
    /** Carries the connections' last uses over to their auth configs, for those whose auth config is known. */
    private static final String LAST_USED = """
            UPDATE auth_configs SET last_used_at = greatest(coalesce(auth_configs.last_used_at, u.last_used_at), u.last_used_at)
            FROM (SELECT tenant, auth_config_id, max(last_used_at) AS last_used_at FROM connection_usage
                  WHERE connection_id = ANY(cast(?1 AS uuid[])) AND auth_config_id IS NOT NULL AND last_used_at IS NOT NULL
                  GROUP BY tenant, auth_config_id) u
            WHERE auth_configs.id = u.auth_config_id AND auth_configs.tenant = u.tenant""";

    /** Records which auth config a connection was made from, and in which environment. */
    public Uni<Void> remember(String tenant, UUID connectionId, UUID authConfigId, String environment) {
        return execute(REMEMBER, connectionId, tenant, authConfigId, environment);
    }

    /** The environments other than {@code environment} of the connections made from an auth config. */
    public Uni<List<String>> otherEnvironments(String tenant, UUID authConfigId, String environment) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OTHER_ENVIRONMENTS, String.class)
                .setParameter(1, tenant).setParameter(2, authConfigId).setParameter(3, environment).getResultList());
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

    /** A connection's latest use of those a batch of events tells of. */
    public record Use(String tenant, UUID connectionId, Instant at) {
    }

    /** Records when each connection last handed out credentials; a later use already known is kept. One use a connection. */
    public Uni<Void> used(List<Use> uses) {
        return execute(USED, uses.stream().map(Use::connectionId).toArray(UUID[]::new),
                uses.stream().map(Use::tenant).toArray(String[]::new),
                uses.stream().map(use -> use.at().toString()).toArray(String[]::new));
    }

    /** Carries the connections' last uses over to their auth configs, once both are known. */
    public Uni<Void> carryLastUse(List<UUID> connectionIds) {
        return execute(LAST_USED, (Object) connectionIds.toArray(UUID[]::new));
    }
}
