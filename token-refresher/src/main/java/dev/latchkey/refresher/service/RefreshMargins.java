package dev.latchkey.refresher.service;

import dev.latchkey.oauth.RefreshMargin;
import dev.latchkey.refresher.config.RefresherConfig;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** When a scheduled token is due, with this service's configured margin ({@link RefreshMargin}). */
@ApplicationScoped
public class RefreshMargins {

    private final Duration margin;

    public RefreshMargins(RefresherConfig config) {
        this.margin = config.margin();
    }

    /** When the token is due for a refresh; null when it does not expire. */
    public Instant refreshAt(Instant issuedAt, Instant expiresAt) {
        return expiresAt == null ? null : expiresAt.minus(RefreshMargin.of(margin, issuedAt, expiresAt));
    }

    /** Obtained since the caller asked (by whoever held the lease meanwhile), or not yet due. */
    public boolean fresh(ScheduledRefresh refresh, Instant asked) {
        if (refresh.issuedAt() != null && refresh.issuedAt().isAfter(asked)) {
            return true;
        }
        Instant due = refreshAt(refresh.issuedAt(), refresh.expiresAt());
        return due != null && due.isAfter(Instant.now());
    }
}
