package dev.latchkey.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events of tokens, on {@link Topics#TOKENS}. No field ever holds a secret. */
public final class TokenEvents {

    private TokenEvents() {
    }

    /** A connection's access token was refreshed. */
    public record TokenRefreshed(UUID connectionId,
            Instant expiresAt,
            boolean refreshTokenRotated,
            List<String> grantedScopes) implements EventData {

        public TokenRefreshed {
            grantedScopes = List.copyOf(grantedScopes);
        }

        @Override
        public EventType eventType() {
            return EventType.TOKEN_REFRESHED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** A refresh failed; permanent failures need the user to re-authorize. */
    public record TokenRefreshFailed(UUID connectionId,
            String reason,
            boolean permanent,
            int attempts,
            Instant nextAttemptAt) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.TOKEN_REFRESH_FAILED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }

    /** A connection's token expires soon and cannot be refreshed automatically. */
    public record TokenExpiring(UUID connectionId,
            Instant expiresAt) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.TOKEN_EXPIRING;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(connectionId);
        }
    }
}
