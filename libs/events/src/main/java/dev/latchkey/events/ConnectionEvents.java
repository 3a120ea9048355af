package dev.latchkey.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events of connections, on {@link Topics#CONNECTIONS}. No field ever holds a secret. */
public final class ConnectionEvents {

    private ConnectionEvents() {
    }

    /**
     * A connection was made from an auth config. {@code provider}, {@code config} (its plain fields) and
     * {@code secretVersion} (the version of its own secret, 0 for none) are absent in older events: null.
     */
    public record ConnectionCreated(UUID connectionId,
            UUID authConfigId,
            String name,
            String environment,
            String endUserId,
            String authType,
            String status,
            String provider,
            Map<String, Object> config,
            Long secretVersion) implements EventData {

        /** As events before the connection's state was carried had it. */
        public ConnectionCreated(UUID connectionId, UUID authConfigId, String name, String environment, String endUserId,
                String authType, String status) {
            this(connectionId, authConfigId, name, environment, endUserId, authType, status, null, null, null);
        }

        public ConnectionCreated {
            config = PlainFields.copy(config);
        }
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_CREATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /**
     * The provider authorized a connection; tokens are stored, never published. {@code config}: the connection's
     * plain fields with what the token response added (an instance URL); absent in older events: null.
     */
    public record ConnectionAuthorized(UUID connectionId,
            UUID authConfigId,
            String environment,
            Instant expiresAt,
            List<String> grantedScopes,
            boolean refreshable,
            Map<String, Object> config) implements EventData {

        /** As events before the connection's state was carried had it. */
        public ConnectionAuthorized(UUID connectionId, UUID authConfigId, String environment, Instant expiresAt,
                List<String> grantedScopes, boolean refreshable) {
            this(connectionId, authConfigId, environment, expiresAt, grantedScopes, refreshable, null);
        }

        public ConnectionAuthorized {
            grantedScopes = List.copyOf(grantedScopes);
            config = PlainFields.copy(config);
        }

        @Override
        public EventType eventType() {
            return EventType.CONNECTION_AUTHORIZED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** An authorization attempt failed at the provider or the callback. */
    public record ConnectionAuthorizationFailed(UUID connectionId,
            UUID authConfigId,
            String error,
            String errorDescription) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_AUTHORIZATION_FAILED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /**
     * A connection was edited; names the fields that changed, never secret values. {@code config} (its plain fields)
     * and {@code secretVersion} as they are after the edit; absent in older events: null.
     */
    public record ConnectionUpdated(UUID connectionId,
            List<String> changedFields,
            Map<String, Object> config,
            Long secretVersion) implements EventData {

        /** As events before the connection's state was carried had it. */
        public ConnectionUpdated(UUID connectionId, List<String> changedFields) {
            this(connectionId, changedFields, null, null);
        }

        public ConnectionUpdated {
            changedFields = List.copyOf(changedFields);
            config = PlainFields.copy(config);
        }

        @Override
        public EventType eventType() {
            return EventType.CONNECTION_UPDATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** A connection was tested against its system. */
    public record ConnectionTested(UUID connectionId,
            boolean success,
            Integer httpStatus,
            long durationMs,
            String detail) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_TESTED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** A connection's health changed (PENDING, ACTIVE, EXPIRED, ERROR). */
    public record ConnectionStatusChanged(UUID connectionId,
            String from,
            String to,
            String reason) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_STATUS_CHANGED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** An admin replaced the origins a tenant's connect links may send users back to; keyed by the tenant. */
    public record AllowedOriginsChanged(String tenant,
            List<String> allowedOrigins) implements EventData {

        public AllowedOriginsChanged {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        @Override
        public EventType eventType() {
            return EventType.CONNECTION_ALLOWED_ORIGINS_CHANGED;
        }

        @Override
        public String aggregateId() {
            return tenant;
        }
    }

    /** A connection was deleted and its credentials destroyed; {@code tokenRevoked} if the provider confirmed revoking it. */
    public record ConnectionDeleted(UUID connectionId,
            UUID authConfigId,
            boolean tokenRevoked) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_DELETED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** A connection's own secret (an API key, a password) ends soon, on the date its owner gave: replace it before then. */
    public record ConnectionSecretExpiring(UUID connectionId,
            Instant expiresAt) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_SECRET_EXPIRING;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }
}
