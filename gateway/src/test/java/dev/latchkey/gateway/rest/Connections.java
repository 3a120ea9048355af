package dev.latchkey.gateway.rest;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionStatusChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays auth-config-service, connected-apps-service and token-refresher for these tests: publishes an auth config and
 * a connection made from it as those services would, through Kafka, writes their secrets to the shared store, and
 * waits until the gateway's projection has them.
 */
record Connections(String bootstrapServers, SecretStore secrets, Pool pool) {

    /** A connection of a catalog entry made with credentials (API key, bearer, basic), ACTIVE at once. */
    UUID withCredentials(String tenant, String provider, String authType, Map<String, Object> config,
            Map<String, String> secretFields) {
        return withCredentials(tenant, authConfig(tenant, provider, authType, Map.of()), provider, authType, config, secretFields);
    }

    /** A connection with credentials of a custom auth config with {@code settings} (its {@code baseUrl}, placement). */
    UUID custom(String tenant, String authType, Map<String, Object> settings, Map<String, String> secretFields) {
        return withCredentials(tenant, authConfig(tenant, null, authType, settings), null, authType, Map.of(), secretFields);
    }

    private UUID withCredentials(String tenant, UUID authConfig, String provider, String authType, Map<String, Object> config,
            Map<String, String> secretFields) {
        UUID id = UUID.randomUUID();
        long version = secrets.write(SecretPath.connection(tenant, id), secretFields, 0).await().indefinitely();
        publish(tenant, new ConnectionCreated(id, authConfig, "my connection", "production", null, authType, "ACTIVE",
                provider, config, version));
        awaitProjected(id, "ACTIVE");
        return id;
    }

    /**
     * An OAuth2 connection of a catalog entry whose auth config has {@code settings}, authorized with
     * {@code accessToken}; {@code metadata} from its token response.
     */
    UUID authorized(String tenant, String provider, Map<String, Object> settings, String accessToken, Map<String, Object> metadata) {
        UUID authConfig = authConfig(tenant, provider, "oauth2", settings);
        UUID id = UUID.randomUUID();
        publish(tenant, new ConnectionCreated(id, authConfig, "my " + provider, "production", null, "oauth2", "PENDING",
                provider, Map.of(), 0L));
        secrets.write(SecretPath.connection(tenant, id), Map.of("accessToken", accessToken, "refreshToken", "rt-" + id), 0)
                .await().indefinitely();
        publish(tenant, new ConnectionAuthorized(id, authConfig, "production", Instant.now().plus(1, ChronoUnit.HOURS),
                List.of(), true, metadata));
        awaitProjected(id, "ACTIVE");
        return id;
    }

    /** The connection's own secret replaced by {@code secretFields}, as an edit of it would. */
    void replaceSecret(String tenant, UUID id, Map<String, String> secretFields) {
        SecretPath path = SecretPath.connection(tenant, id);
        long newest = secrets.versions(path).await().indefinitely().stream().mapToLong(version -> version.version()).max().orElse(0);
        long version = secrets.write(path, secretFields, newest).await().indefinitely();
        publish(tenant, new ConnectionUpdated(id, List.of("secrets"), null, version));
        Eventually.until("the connection " + id + " at secret version " + version + " in the projection",
                () -> count("SELECT count(*) FROM connections WHERE id = $1 AND secret_version = $2", Tuple.of(id, version)) == 1);
    }

    /** A connection that is not ACTIVE any more. */
    void changeStatus(String tenant, UUID id, String from, String to) {
        publish(tenant, new ConnectionStatusChanged(id, from, to, "test"));
        awaitProjected(id, to);
    }

    /** An auth config of {@code provider} (null: a custom one) with {@code settings}, once the gateway's projection has it. */
    UUID authConfig(String tenant, String provider, String authType, Map<String, Object> settings) {
        UUID id = UUID.randomUUID();
        publish(tenant, new AuthConfigCreated(id, "config " + id, provider == null ? "custom" : "oauth2_provider", provider,
                authType, null, settings, List.of()));
        Eventually.until("the auth config " + id + " in the projection",
                () -> count("SELECT count(*) FROM auth_configs WHERE id = $1", Tuple.of(id)) == 1);
        return id;
    }

    private void publish(String tenant, EventData data) {
        EventPublisher.publish(bootstrapServers, tenant, data);
    }

    /** Waits until the gateway's projection has the connection in {@code status}. */
    void awaitProjected(UUID id, String status) {
        Eventually.until("the connection " + id + " " + status + " in the projection",
                () -> count("SELECT count(*) FROM connections WHERE id = $1 AND status = $2", Tuple.of(id, status)) == 1);
    }

    private long count(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }
}
