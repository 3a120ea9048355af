package dev.latchkey.connectedapps.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A toolkit's capability token, as it is known after it was issued: never its value.
 *
 * @param lastUsedAt when it last called its tools, to {@link #LAST_USE_PRECISION}; null when never
 */
public record ToolkitToken(UUID id, UUID toolkitId, String name, Instant expiresAt, Instant revokedAt, String createdBy,
                           Instant createdAt, Instant lastUsedAt) {

    /** How stale {@link #lastUsedAt} may be: a token in use is written at most once in this long. */
    public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /** Whether it calls anything now: neither revoked nor expired. */
    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Whether a use at {@code now} should be written: never used, or last used longer ago than the precision. */
    public boolean lastUseStale(Instant now) {
        return lastUsedAt == null || lastUsedAt.plus(LAST_USE_PRECISION).isBefore(now);
    }
}
