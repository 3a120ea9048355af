package dev.latchkey.refresher.service;

import java.time.Instant;
import java.util.UUID;

/** A connection's token is valid until {@code expiresAt}; {@code refreshed} when this request's refresh made it so. */
public record RefreshOutcome(UUID connectionId, Instant expiresAt, boolean refreshed) {
}
