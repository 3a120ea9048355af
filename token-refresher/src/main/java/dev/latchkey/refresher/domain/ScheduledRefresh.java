package dev.latchkey.refresher.domain;

import java.time.Instant;
import java.util.UUID;

/** A connection whose token token-refresher keeps fresh, as its schedule row holds it; {@code issuedAt}: when its token was obtained;
 * {@code refreshAt}: when it is due (null: not until told). */
public record ScheduledRefresh(UUID connectionId, String tenant, UUID authConfigId, Instant expiresAt, int attempts,
                               Instant issuedAt, Instant refreshAt) {
}
