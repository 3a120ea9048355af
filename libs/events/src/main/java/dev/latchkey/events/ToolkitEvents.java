package dev.latchkey.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events of toolkits (named sets of connections' actions that agents call) and their tokens, on
 * {@link Topics#TOOLKITS}. No field ever holds a secret: a token is named by its id, never by its value or hash.
 */
public final class ToolkitEvents {

    private ToolkitEvents() {
    }

    /**
     * A connection's actions in a toolkit.
     *
     * @param actions the chosen ones, or null for all the connection's catalog entry has
     */
    public record Member(UUID connectionId, List<String> actions) {

        public Member {
            actions = actions == null ? null : List.copyOf(actions);
        }
    }

    /** A toolkit was made; {@code readOnly}: only the members' read-only actions are its tools. */
    public record ToolkitCreated(UUID toolkitId,
            String name,
            String description,
            boolean readOnly,
            List<Member> members) implements EventData {

        public ToolkitCreated {
            members = List.copyOf(members);
        }

        @Override
        public EventType eventType() {
            return EventType.TOOLKIT_CREATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(toolkitId);
        }
    }

    /** A toolkit changed: {@code changed} names what, the rest is the toolkit as it is now. */
    public record ToolkitUpdated(UUID toolkitId,
            List<String> changed,
            String name,
            String description,
            boolean readOnly,
            List<Member> members,
            long version) implements EventData {

        public ToolkitUpdated {
            changed = List.copyOf(changed);
            members = List.copyOf(members);
        }

        @Override
        public EventType eventType() {
            return EventType.TOOLKIT_UPDATED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(toolkitId);
        }
    }

    /** A toolkit was deleted, and its tokens with it. */
    public record ToolkitDeleted(UUID toolkitId) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.TOOLKIT_DELETED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(toolkitId);
        }
    }

    /** A token was issued for a toolkit; its value was shown once, to the caller who asked, and is stored hashed. */
    public record ToolkitTokenIssued(UUID toolkitId,
            UUID tokenId,
            String name,
            Instant expiresAt) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.TOOLKIT_TOKEN_ISSUED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(toolkitId);
        }
    }

    /** A toolkit's token was revoked: it calls nothing from now on. */
    public record ToolkitTokenRevoked(UUID toolkitId,
            UUID tokenId) implements EventData {
        @Override
        public EventType eventType() {
            return EventType.TOOLKIT_TOKEN_REVOKED;
        }

        @Override
        public String aggregateId() {
            return String.valueOf(toolkitId);
        }
    }
}
