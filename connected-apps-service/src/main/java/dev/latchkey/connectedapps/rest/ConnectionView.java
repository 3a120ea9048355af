package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.probes.ProbeResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection as the API shows it: its secret fields by name only. {@code expiresAt}: its token's end (OAuth2);
 * {@code secretExpiresAt}: its own secret's, as its owner said.
 */
public record ConnectionView(UUID id, UUID authConfigId, String name, String environment, String endUserId,
                             Map<String, Object> metadata, ConnectionStatus status, String statusReason, String warning,
                             String provider, String type, Map<String, Object> config, List<String> secretFields,
                             List<String> grantedScopes, List<String> missingScopes, boolean needsReauthorization,
                             Instant expiresAt, Instant secretExpiresAt, String authorizationUrl, ProbeResult lastTest,
                             Instant lastUsedAt,
                             long version, Instant createdAt, Instant updatedAt) {

    static ConnectionView of(Connection connection) {
        return of(connection, null);
    }

    /** @param authorizationUrl where the user authorizes a new OAuth2 connection; null otherwise */
    static ConnectionView of(Connection connection, String authorizationUrl) {
        List<String> missingScopes = List.of(connection.missingScopes);
        return new ConnectionView(connection.id, connection.authConfigId, connection.name, connection.environment,
                connection.endUserId, connection.metadata, connection.status, connection.statusReason, connection.warning,
                connection.provider, connection.authType, connection.config, List.of(connection.secretFields),
                connection.grantedScopes == null ? List.of() : List.of(connection.grantedScopes), missingScopes,
                !missingScopes.isEmpty(), connection.expiresAt, connection.secretExpiresAt, authorizationUrl, connection.lastTest,
                connection.lastUsedAt,
                connection.version, connection.createdAt, connection.updatedAt);
    }
}
