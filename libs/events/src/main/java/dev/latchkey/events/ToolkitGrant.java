package dev.latchkey.events;

import dev.latchkey.events.ToolkitEvents.Member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a toolkit token lets its holder do, as connected-apps-service answers the gateway's introspection of it (RFC 7662
 * in spirit: {@code active} false for a token that is unknown, revoked or expired, and then nothing else). Not an event:
 * the contract between the two services, beside the events' {@link Member} it reuses. Never the token's value or hash.
 *
 * @param readOnly only the members' read-only actions are tools
 * @param members  the connections and their chosen actions (null: all the connection's)
 */
public record ToolkitGrant(boolean active,
        String tenant,
        UUID tokenId,
        Instant expiresAt,
        UUID toolkitId,
        String toolkitName,
        boolean readOnly,
        List<Member> members) {

    /** What a toolkit token's value starts with, so that a leaked one is recognised (secret scanners, logs). */
    public static final String TOKEN_PREFIX = "lkt_";

    /** What the gateway asks about: a token's value, sent in the body, never in a URL that a log could keep. */
    public record Introspection(String token) {
    }

    public ToolkitGrant {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The answer for a token that calls nothing. */
    public static ToolkitGrant inactive() {
        return new ToolkitGrant(false, null, null, null, null, null, false, List.of());
    }
}
