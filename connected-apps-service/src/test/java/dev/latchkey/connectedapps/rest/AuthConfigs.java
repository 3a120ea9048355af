package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays auth-config-service (and token-refresher, for their events) for these tests: publishes an auth config's
 * creation and edits, writes its secret to the shared store, and waits until this service's projection has it.
 */
record AuthConfigs(String bootstrapServers, SecretStore secrets, Pool pool) {

    UUID create(String tenant, String provider, String authType, Map<String, Object> config, Map<String, String> secretFields) {
        return createIn(tenant, null, provider, authType, config, secretFields);
    }

    /** An auth config that serves {@code environment} only (null: every environment). */
    UUID createIn(String tenant, String environment, String provider, String authType, Map<String, Object> config,
            Map<String, String> secretFields) {
        UUID id = UUID.randomUUID();
        if (!secretFields.isEmpty()) {
            secrets.write(SecretPath.authConfig(tenant, id), secretFields, 0).await().indefinitely();
        }
        publish(tenant, new AuthConfigCreated(id, "config " + id, provider == null ? "custom" : "oauth2_provider",
                provider, authType, environment, config, List.copyOf(secretFields.keySet())));
        awaitProjected(id, 0);
        return id;
    }

    /** An edit of the auth config's plain config, as version {@code version}. */
    void update(String tenant, UUID id, long version, Map<String, Object> config) {
        publish(tenant, new AuthConfigUpdated(id, "config " + id, null, List.of("config"), version, config,
                List.of("clientSecret")));
        awaitProjected(id, version);
    }

    /** Publishes an event as the service that owns it would, through Kafka. */
    void publish(String tenant, EventData data) {
        EventPublisher.publish(bootstrapServers, tenant, data);
    }

    private void awaitProjected(UUID id, long version) {
        Eventually.until("the auth config " + id + " (version " + version + ") in the projection",
                () -> pool.preparedQuery("SELECT count(*) FROM auth_configs WHERE id = $1 AND version = $2")
                        .execute(Tuple.of(id, version)).await().indefinitely().iterator().next().getLong(0) == 1);
    }
}
