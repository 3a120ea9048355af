package dev.latchkey.authconfig.events;

import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.latchkey.platform.consumer.IdempotentConsumer.execute;

/**
 * Keeps each auth config's usage from other services' events: how many connections were made from it
 * (connection created and deleted) and when one of them last handed out credentials. Each event counts once.
 */
@ApplicationScoped
public class UsageConsumer {

    private static final String CONSUMER = "auth-config-usage";
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

    private final IdempotentConsumer consumer;

    public UsageConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("connections")
    public Uni<Void> onConnectionEvent(String json) {
        return handle(json);
    }

    @Incoming("access")
    public Uni<Void> onAccessEvent(String json) {
        return handle(json);
    }

    private Uni<Void> handle(String json) {
        return consumer.handleRecordOnce(CONSUMER, json, this::apply);
    }

    private Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        String tenant = event.tenantid();
        if (data instanceof ConnectionCreated created) {
            return execute(REMEMBER, created.connectionId(), tenant, created.authConfigId())
                    .chain(() -> execute(COUNT_UP, created.authConfigId(), tenant))
                    .chain(() -> execute(LAST_USED, created.connectionId(), tenant));
        }
        if (data instanceof ConnectionDeleted deleted) {
            return execute(FORGET, deleted.connectionId(), tenant).chain(() -> execute(COUNT_DOWN, deleted.authConfigId(), tenant));
        }
        if (data instanceof CredentialsRead read) {
            return execute(USED, read.connectionId(), tenant, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                    .chain(() -> execute(LAST_USED, read.connectionId(), tenant));
        }
        return Uni.createFrom().voidItem();
    }
}
