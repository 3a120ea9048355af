package dev.latchkey.knownauthconfigs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigDeleted;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * Writes auth-config-service's events into a service's {@link KnownAuthConfig} table (each service's V2 migration
 * created it, the same table in each). Called by each service's idempotent consumer, inside its transaction. JSON
 * goes in as text cast to jsonb: the PostgreSQL client would send a Java string for a jsonb parameter as a JSON
 * string. Events of one auth config arrive in order (keyed by
 * its id); the version guard still keeps a replayed older update from winning.
 */
@ApplicationScoped
public class KnownAuthConfigProjector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = """
            INSERT INTO auth_configs (id, tenant, name, category, provider, auth_type, environment, config, sealed_fields,
                                      version, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(cast(?8 as text) as jsonb), ARRAY(SELECT jsonb_array_elements_text(cast(cast(?9 as text) as jsonb))), 0, ?10)
            ON CONFLICT (id) DO NOTHING""";
    private static final String UPDATED = """
            UPDATE auth_configs SET name = ?3, environment = ?4, config = cast(cast(?5 as text) as jsonb), sealed_fields = ARRAY(SELECT jsonb_array_elements_text(cast(cast(?6 as text) as jsonb))),
                                    version = ?7, updated_at = ?8
            WHERE id = ?1 AND tenant = ?2 AND version < ?7""";
    private static final String DELETED = "UPDATE auth_configs SET deleted = true, updated_at = ?3 WHERE id = ?1 AND tenant = ?2";

    /** Applies one event of {@code latchkey.auth-configs.v1}; other events change nothing. */
    public Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        String tenant = event.tenantid();
        OffsetDateTime at = OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC);
        if (data instanceof AuthConfigCreated created) {
            return execute(CREATED, created.authConfigId(), tenant, created.name(), created.category(), created.provider(),
                    created.authType(), created.environment(), json(created.config()), json(created.sealedFields()), at);
        }
        if (data instanceof AuthConfigUpdated updated) {
            return execute(UPDATED, updated.authConfigId(), tenant, updated.name(), updated.environment(),
                    json(updated.config()), json(updated.sealedFields()), updated.version(), at);
        }
        if (data instanceof AuthConfigDeleted deleted) {
            return execute(DELETED, deleted.authConfigId(), tenant, at);
        }
        return Uni.createFrom().voidItem();
    }

    /** A value as JSON text, for a {@code cast(cast(? as text) as jsonb)} parameter. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's value cannot be written as JSON", e);
        }
    }
}
