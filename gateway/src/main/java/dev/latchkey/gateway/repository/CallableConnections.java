package dev.latchkey.gateway.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A connection of a tenant and its live auth config, as a call through it needs them, in one statement on the
 * reactive pool: every proxied call reads it, so no ORM session and no second round trip.
 */
@ApplicationScoped
public class CallableConnections {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final String READ = """
            SELECT c.auth_config_id, c.auth_type, c.environment, c.status, c.config::text AS config, c.secret_version,
                   c.expires_at, c.token_at, a.id AS known_id, a.provider, a.config::text AS known_config, a.sealed_fields
            FROM connections c
            LEFT JOIN auth_configs a ON a.tenant = c.tenant AND a.id = c.auth_config_id AND NOT a.deleted
            WHERE c.id = $1 AND c.tenant = $2""";

    private final Pool pool;
    private final ObjectMapper json;

    public CallableConnections(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * What the gateway knows of a connection; {@code authConfig} null when its auth config is deleted or retired.
     *
     * @param expiresAt when its access token expires (OAuth2), null otherwise
     * @param tokenAt   when that token was reported obtained (OAuth2), null otherwise
     */
    public record Callable(UUID id, String tenant, String authType, String environment, String status,
                           Map<String, Object> config, long secretVersion, Instant expiresAt, Instant tokenAt,
                           KnownAuthConfig authConfig) {
    }

    /** The tenant's connection, or a 404: another tenant's connection is as unknown as one that never was. */
    public Uni<Callable> get(String tenant, UUID id) {
        return pool.preparedQuery(READ).execute(Tuple.of(id, tenant)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException();
            }
            Row row = rows.iterator().next();
            return new Callable(id, tenant, row.getString("auth_type"), row.getString("environment"), row.getString("status"),
                    fields(row.getString("config")), row.getLong("secret_version"), instant(row.getOffsetDateTime("expires_at")),
                    instant(row.getOffsetDateTime("token_at")), row.getUUID("known_id") == null ? null : authConfig(tenant, row));
        });
    }

    private KnownAuthConfig authConfig(String tenant, Row row) {
        var authConfig = new KnownAuthConfig();
        authConfig.id = row.getUUID("known_id");
        authConfig.tenant = tenant;
        authConfig.provider = row.getString("provider");
        authConfig.authType = row.getString("auth_type");
        authConfig.config = fields(row.getString("known_config"));
        authConfig.sealedFields = row.getArrayOfStrings("sealed_fields");
        return authConfig;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private Map<String, Object> fields(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not parse", e);
        }
    }
}
