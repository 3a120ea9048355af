package dev.latchkey.gateway.service;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.ConnectionEvents.ConnectionStatusChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.TokenEvents.TokenRefreshed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.latchkey.knownauthconfigs.KnownAuthConfigProjector.json;
import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * Writes connected-apps-service's connection events and token-refresher's refreshes into the gateway's
 * {@code connections} table, inside the consumer's transaction. A connection's events arrive in order (keyed by its
 * id); a token's expiry is taken from whichever report is newest, as the two topics are not ordered with each other.
 * Events from before connections carried their plain fields leave them empty.
 */
@ApplicationScoped
public class ConnectionProjector {

    private static final String CREATED = """
            INSERT INTO connections (id, tenant, auth_config_id, auth_type, environment, status, config, secret_version, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, cast(cast(?7 as text) as jsonb), ?8, ?9)
            ON CONFLICT (id) DO NOTHING""";
    private static final String AUTHORIZED = """
            UPDATE connections SET status = 'ACTIVE', config = coalesce(cast(cast(?3 as text) as jsonb), config),
                                   expires_at = ?4, token_at = ?5, updated_at = ?5
            WHERE id = ?1 AND tenant = ?2""";
    private static final String UPDATED = """
            UPDATE connections SET config = coalesce(cast(cast(?3 as text) as jsonb), config),
                                   secret_version = coalesce(?4, secret_version), updated_at = ?5
            WHERE id = ?1 AND tenant = ?2""";
    private static final String STATUS = "UPDATE connections SET status = ?3, updated_at = ?4 WHERE id = ?1 AND tenant = ?2";
    private static final String REFRESHED = """
            UPDATE connections SET expires_at = ?3, token_at = ?4, updated_at = ?4
            WHERE id = ?1 AND tenant = ?2 AND (token_at IS NULL OR token_at <= ?4)""";
    private static final String DELETED = "DELETE FROM connections WHERE id = ?1 AND tenant = ?2";

    /** Applies one event of {@code latchkey.connections.v1} or {@code latchkey.tokens.v1}; others change nothing. */
    public Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        String tenant = event.tenantid();
        OffsetDateTime at = OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC);
        if (data instanceof ConnectionCreated created) {
            return execute(CREATED, created.connectionId(), tenant, created.authConfigId(), created.authType(),
                    created.environment(), created.status(), json(created.config() == null ? Map.of() : created.config()),
                    created.secretVersion() == null ? 0L : created.secretVersion(), at);
        }
        if (data instanceof ConnectionAuthorized authorized) {
            return execute(AUTHORIZED, authorized.connectionId(), tenant, jsonOrNull(authorized.config()),
                    offset(authorized.expiresAt()), at);
        }
        if (data instanceof ConnectionUpdated updated) {
            return execute(UPDATED, updated.connectionId(), tenant, jsonOrNull(updated.config()), updated.secretVersion(), at);
        }
        if (data instanceof ConnectionStatusChanged changed) {
            return execute(STATUS, changed.connectionId(), tenant, changed.to(), at);
        }
        if (data instanceof ConnectionDeleted deleted) {
            return execute(DELETED, deleted.connectionId(), tenant);
        }
        if (data instanceof TokenRefreshed refreshed) {
            return execute(REFRESHED, refreshed.connectionId(), tenant, offset(refreshed.expiresAt()), at);
        }
        return Uni.createFrom().voidItem();
    }

    private static String jsonOrNull(Map<String, Object> fields) {
        return fields == null ? null : json(fields);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
