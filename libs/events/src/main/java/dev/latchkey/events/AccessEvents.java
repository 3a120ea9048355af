package dev.latchkey.events;

import java.util.UUID;

/** The events of access to credentials (reads and calls through the gateway) and denials, on {@link Topics#ACCESS}. No field ever holds a secret. */
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

    /**
     * A caller called a connection's API through the gateway. What was asked and answered, never a body, a header
     * value or a query value: {@code path} is the path under the API's base URL, {@code status} the provider's (null
     * when it never answered: {@code outcome} says why), {@code responseBytes} the length it declared (null when it
     * streamed without one).
     */
    public record CallProxied(UUID connectionId,
            String environment,
            String method,
            String host,
            String path,
            Integer status,
            String outcome,
            long durationMs,
            long requestBytes,
            Long responseBytes) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.ACCESS_PROXIED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /**
     * A caller ran a catalog action of a connection through the gateway (a workflow's call, or an agent's tool call
     * through a toolkit). What was run and how it ended, never an input or output value: {@code status} is the
     * provider's last answer (null when it never answered), {@code outcome} one of {@code succeeded},
     * {@code provider_error}, {@code invalid_input}, {@code unreachable}; {@code toolkitId} is null outside a toolkit.
     */
    public record ActionRun(UUID connectionId,
            String environment,
            String provider,
            String action,
            UUID toolkitId,
            Integer status,
            String outcome,
            long durationMs) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.ACCESS_ACTION_RUN;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /**
     * A caller was refused: missing permission. {@code count}: how many denials of this caller the entry stands for,
     * 1 for the first in a window and then the number of repeats in that window (absent in older events: 1).
     */
    public record AccessDenied(String subject,
            String method,
            String path,
            String requiredPermission,
            Integer count) implements EventData {

        /** The first denial of a caller in its window. */
        public AccessDenied(String subject, String method, String path, String requiredPermission) {
            this(subject, method, path, requiredPermission, 1);
        }

        /** This denial standing for {@code repeats} of them. */
        public AccessDenied times(int repeats) {
            return new AccessDenied(subject, method, path, requiredPermission, repeats);
        }

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
