package dev.latchkey.oauth;

import java.time.Duration;
import java.time.Instant;

/**
 * How long before its expiry a token is refreshed: the configured margin, or half the token's lifetime when it
 * lives shorter than twice the margin, so that a five-minute token (Keycloak's default) is refreshed at half time
 * rather than on every use.
 */
public final class RefreshMargin {

    private RefreshMargin() {
    }

    /**
     * When a token is due for a refresh: {@code configured} (or half its lifetime, see above) before it expires;
     * null when it does not expire. The one "is it due?" rule of the scheduled refresh and of a credentials read.
     */
    public static Instant refreshAt(Duration configured, Instant issuedAt, Instant expiresAt) {
        return expiresAt == null ? null : expiresAt.minus(of(configured, issuedAt, expiresAt));
    }

    /** {@code issuedAt} null (unknown): the configured margin. */
    public static Duration of(Duration configured, Instant issuedAt, Instant expiresAt) {
        if (issuedAt == null || expiresAt == null) {
            return configured;
        }
        Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
        return half.isNegative() || half.compareTo(configured) >= 0 ? configured : half;
    }
}
