package dev.latchkey.connectedapps.domain;

import java.time.Instant;
import java.util.UUID;

/** A toolkit's capability token, as it is known after it was issued: never its value. */
public record ToolkitToken(UUID id, UUID toolkitId, String name, Instant expiresAt, Instant revokedAt, String createdBy,
                           Instant createdAt) {

    /** Whether it calls anything now: neither revoked nor expired. */
    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
