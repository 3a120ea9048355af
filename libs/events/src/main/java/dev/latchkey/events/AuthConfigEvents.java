package dev.latchkey.events;

import java.util.List;
import java.util.UUID;

/** The events of auth configs, on {@link Topics#AUTH_CONFIGS}. No field ever holds a secret. */
public final class AuthConfigEvents {

    private AuthConfigEvents() {
    }

    /** An auth config was created. */
    public record AuthConfigCreated(UUID authConfigId,
            String name,
            String category,
            String provider,
            String authType,
            String environment) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.AUTH_CONFIG_CREATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(authConfigId);
        }
    }

    /** An auth config was edited; names the fields that changed, never their values. */
    public record AuthConfigUpdated(UUID authConfigId,
            String name,
            List<String> changedFields,
            long version) implements EventData {

        public AuthConfigUpdated {
            changedFields = List.copyOf(changedFields);
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
}
