package dev.latchkey.connectedapps.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.probes.ProbeResult;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A {@code connections} row read on the reactive pool, as a detached {@link Connection}: for the paths that only read
 * (a view, a page, a credential read), which need no ORM session. Such a connection is never saved.
 */
final class ConnectionRow {

    /** Every column, JSON ones as text, from the table aliased {@code c}. */
    static final String COLUMNS = """
            c.id, c.tenant, c.auth_config_id, c.name, c.environment, c.end_user_id, c.metadata::text AS metadata,
            c.status, c.provider, c.auth_type, c.config::text AS config, c.secret_fields, c.secret_version, c.last_used_at,
            c.expires_at, c.token_issued_at, c.granted_scopes, c.status_reason, c.refresh_failures, c.warning,
            c.missing_scopes, c.last_test::text AS last_test, c.version, c.created_by, c.created_at, c.updated_at""";

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private ConnectionRow() {
    }

    static Connection connection(Row row, ObjectMapper json) {
        var connection = new Connection();
        connection.id = row.getUUID("id");
        connection.tenant = row.getString("tenant");
        connection.authConfigId = row.getUUID("auth_config_id");
        connection.name = row.getString("name");
        connection.environment = row.getString("environment");
        connection.endUserId = row.getString("end_user_id");
        connection.metadata = fields(json, row.getString("metadata"));
        connection.status = ConnectionStatus.valueOf(row.getString("status"));
        connection.provider = row.getString("provider");
        connection.authType = row.getString("auth_type");
        connection.config = fields(json, row.getString("config"));
        connection.secretFields = row.getArrayOfStrings("secret_fields");
        connection.secretVersion = row.getLong("secret_version");
        connection.lastUsedAt = instant(row.getOffsetDateTime("last_used_at"));
        connection.expiresAt = instant(row.getOffsetDateTime("expires_at"));
        connection.tokenIssuedAt = instant(row.getOffsetDateTime("token_issued_at"));
        connection.grantedScopes = row.getArrayOfStrings("granted_scopes");
        connection.statusReason = row.getString("status_reason");
        connection.refreshFailures = row.getInteger("refresh_failures");
        connection.warning = row.getString("warning");
        connection.missingScopes = row.getArrayOfStrings("missing_scopes");
        String lastTest = row.getString("last_test");
        connection.lastTest = lastTest == null ? null : read(json, lastTest, ProbeResult.class);
        connection.version = row.getLong("version");
        connection.createdBy = row.getString("created_by");
        connection.createdAt = instant(row.getOffsetDateTime("created_at"));
        connection.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        return connection;
    }

    static Map<String, Object> fields(ObjectMapper json, String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is not JSON", e);
        }
    }

    private static <T> T read(ObjectMapper json, String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is not a " + type.getSimpleName(), e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
