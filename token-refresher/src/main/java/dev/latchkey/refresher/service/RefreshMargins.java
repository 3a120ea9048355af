package dev.latchkey.refresher.service;

import dev.latchkey.oauth.RefreshMargin;
import dev.latchkey.refresher.config.RefresherConfig;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a scheduled token is due: the provider's margin or this service's ({@link RefreshMargin}). */
@ApplicationScoped
public class RefreshMargins {

    private final Duration margin;

    public RefreshMargins(RefresherConfig config) {
        this.margin = config.scheduleMargin();
    }

    /**
     * When the token is due for a refresh: {@code providerMargin} (the catalog's, for its provider) or this
     * service's margin before expiry; null when it does not expire.
     */
    public Instant refreshAt(Instant issuedAt, Instant expiresAt, Optional<Duration> providerMargin) {
        return RefreshMargin.refreshAt(providerMargin.orElse(margin), issuedAt, expiresAt);
    }

    /**
     * Obtained since the caller asked (by whoever held the lease meanwhile), or not yet due. A connection whose
     * refreshes are failing is due: its next scheduled attempt is a retry, and a caller may try before it.
     */
    public static boolean fresh(ScheduledRefresh refresh, Instant asked) {
        return obtainedSince(refresh, asked)
                || refresh.attempts() == 0 && refresh.refreshAt() != null && refresh.refreshAt().isAfter(Instant.now());
    }

    /** Whether the connection's token was obtained after {@code asked}: newer than the one a caller holds. */
    public static boolean obtainedSince(ScheduledRefresh refresh, Instant asked) {
        return refresh.issuedAt() != null && refresh.issuedAt().isAfter(asked);
    }
}
