package dev.latchkey.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events of connections, on {@link Topics#CONNECTIONS}. No field ever holds a secret. */
public final class ConnectionEvents {

    private ConnectionEvents() {
    }

    /** A connection was made from an auth config. */
    public record ConnectionCreated(UUID connectionId,
            UUID authConfigId,
            String name,
            String environment,
            String endUserId,
            String authType,
            String status) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.CONNECTION_CREATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** The provider authorized a connection; tokens are stored, never published. */
    public record ConnectionAuthorized(UUID connectionId,
            UUID authConfigId,
            String environment,
            Instant expiresAt,
            List<String> grantedScopes,
            boolean refreshable) implements EventData {

        public ConnectionAuthorized {
            grantedScopes = List.copyOf(grantedScopes);
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

    /** A connection was edited; names the fields that changed, never their values. */
    public record ConnectionUpdated(UUID connectionId,
            List<String> changedFields) implements EventData {

        public ConnectionUpdated {
            changedFields = List.copyOf(changedFields);
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
}
