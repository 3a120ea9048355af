package dev.latchkey.events;

import java.util.UUID;

/** The events of access to credentials and denials, on {@link Topics#ACCESS}. No field ever holds a secret. */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** A caller read a connection's credentials. */
    public record CredentialsRead(UUID connectionId,
            String environment,
            boolean refreshed) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.ACCESS_CREDENTIALS_READ;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** A caller was refused: missing permission. */
    public record AccessDenied(String subject,
            String method,
            String path,
            String requiredPermission) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.ACCESS_DENIED;
        }

        @Override
        public String aggregateId() {
            return subject;
        }
    }
}
