package dev.latchkey.oauth;

import java.time.Instant;
import java.util.UUID;

/**
 * token-refresher's answer to an on-demand refresh, as it sends it and as connected-apps-service reads it: the
 * connection's token is valid until {@code expiresAt}; {@code refreshed} when this request's refresh made it so.
 */
public record RefreshOutcome(UUID connectionId, Instant expiresAt, boolean refreshed) {
}
