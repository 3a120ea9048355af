package dev.latchkey.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events of auth configs, on {@link Topics#AUTH_CONFIGS}. No field ever holds a secret. */
public final class AuthConfigEvents {

    private AuthConfigEvents() {
    }

    private static Map<String, Object> plain(Map<String, Object> config) {
        return config == null ? Map.of() : PlainFields.copy(config);
    }

    /**
     * An auth config was created. Carries its plain fields, so that other services keep a projection;
     * secret fields are only named ({@code sealedFields}), their values stay in the secret store.
     */
    public record AuthConfigCreated(UUID authConfigId,
            String name,
            String category,
            String provider,
            String authType,
            String environment,
            Map<String, Object> config,
            List<String> sealedFields) implements EventData {

        public AuthConfigCreated {
            config = plain(config);
            sealedFields = sealedFields == null ? List.of() : List.copyOf(sealedFields);
        }

        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_CREATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }

    /**
     * An auth config was edited: the fields that changed by name, and its plain fields as they are now; a
     * secret's value never.
     */
    public record AuthConfigUpdated(UUID authConfigId,
            String name,
            String environment,
            List<String> changedFields,
            long version,
            Map<String, Object> config,
            List<String> sealedFields) implements EventData {

        public AuthConfigUpdated {
            changedFields = List.copyOf(changedFields);
            config = plain(config);
            sealedFields = sealedFields == null ? List.of() : List.copyOf(sealedFields);
        }

        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_UPDATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }

    /** An auth config was deleted. */
    public record AuthConfigDeleted(UUID authConfigId,
            String name) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_DELETED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }

    /** An auth config's settings were tested against the provider or system. */
    public record AuthConfigTested(UUID authConfigId,
            boolean success,
            String detail,
            long durationMs) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_TESTED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }

    /** An auth config's status changed (ACTIVE, EXPIRED, ERROR). */
    public record AuthConfigStatusChanged(UUID authConfigId,
            String from,
            String to,
            String reason) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_STATUS_CHANGED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }

    /** An auth config's secret ends soon, on the date its owner gave: replace it before then. */
    public record AuthConfigSecretExpiring(UUID authConfigId,
            Instant expiresAt) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_SECRET_EXPIRING;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }
}
