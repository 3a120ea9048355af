package dev.latchkey.connectedapps.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
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
 * A connection and its live auth config as a credential read needs them, in one statement on the reactive pool: the
 * hot path of the service, read on every step of every workflow, so no ORM session and no second round trip. The
 * objects it makes are detached and hold only the columns a read uses (status, type, environment, plain fields,
 * secret version, token times; the auth config's plain fields and sealed field names): they are never saved.
 */
@ApplicationScoped
public class ReadableConnections {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final String READ = """
            SELECT c.id, c.tenant, c.auth_config_id, c.environment, c.status, c.status_reason, c.provider, c.auth_type,
                   c.config::text AS config, c.secret_version, c.expires_at, c.token_issued_at,
                   a.id AS known_id, a.config::text AS known_config, a.sealed_fields
            FROM connections c
            LEFT JOIN auth_configs a ON a.tenant = c.tenant AND a.id = c.auth_config_id AND NOT a.deleted
            WHERE c.id = $1""";

    private final Pool pool;

    public ReadableConnections(Pool pool) {
        this.pool = pool;
    }

    /** A connection and its auth config as a read needs them. */
    public record Readable(Connection connection, KnownAuthConfig authConfig) {
    }

    /**
     * The connection with its auth config (null when deleted or retired), or a 404; whichever tenant it is in: the
     * caller checks that it is its own.
     */
    public Uni<Readable> get(UUID id) {
        return pool.preparedQuery(READ).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException();
            }
            Row row = rows.iterator().next();
            return new Readable(connection(row), row.getUUID("known_id") == null ? null : authConfig(row));
        });
    }

    private static Connection connection(Row row) {
        var connection = new Connection();
        connection.id = row.getUUID("id");
        connection.tenant = row.getString("tenant");
        connection.authConfigId = row.getUUID("auth_config_id");
        connection.environment = row.getString("environment");
        connection.status = ConnectionStatus.valueOf(row.getString("status"));
        connection.statusReason = row.getString("status_reason");
        connection.provider = row.getString("provider");
        connection.authType = row.getString("auth_type");
        connection.config = fields(row.getString("config"));
        connection.secretVersion = row.getLong("secret_version");
        connection.expiresAt = instant(row.getOffsetDateTime("expires_at"));
        connection.tokenIssuedAt = instant(row.getOffsetDateTime("token_issued_at"));
        return connection;
    }

    private static KnownAuthConfig authConfig(Row row) {
        var authConfig = new KnownAuthConfig();
        authConfig.id = row.getUUID("known_id");
        authConfig.tenant = row.getString("tenant");
        authConfig.config = fields(row.getString("known_config"));
        authConfig.sealedFields = row.getArrayOfStrings("sealed_fields");
        return authConfig;
    }

    private static Map<String, Object> fields(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is not JSON", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
