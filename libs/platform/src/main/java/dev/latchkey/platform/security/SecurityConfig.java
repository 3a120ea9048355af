package dev.latchkey.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Which token claims carry the tenant and the roles (identity providers name them differently), how denials are
 * counted, and how many requests a caller and a tenant may make.
 */
@ConfigMapping(prefix = "latchkey.security")
public interface SecurityConfig {

    @WithDefault("tenant")
    String tenantClaim();

    @WithDefault("roles")
    String rolesClaim();

    /** The claim holding the caller's display name, recorded with its events for the audit log. */
    @WithDefault("preferred_username")
    String nameClaim();

    /** How long a caller's repeated denials are counted into one audit entry ({@link DenialLog}). */
    @WithDefault("60s")
    Duration denialWindow();

    /** Verified bearer tokens kept until they expire, so a token presented again is not verified again ({@link VerifiedTokens}). */
    @WithDefault("10000")
    int verifiedTokens();

    /** Requests per replica on every {@code @Requires} endpoint ({@link RateLimits}). */
    RateLimit rateLimit();

    interface RateLimit {

        /** Off only where something in front of the service limits rates per caller and per tenant already. */
        @WithDefault("true")
        boolean enabled();

        CallerRate caller();

        TenantRate tenant();
    }

    /** One caller (a tenant's subject): sized so a machine client may read credentials at a replica's speed. */
    interface CallerRate {

        @WithDefault("1000")
        double perSecond();

        @WithDefault("2000")
        int burst();
    }

    /** All callers of one tenant together. */
    interface TenantRate {

        @WithDefault("2000")
        double perSecond();

        @WithDefault("5000")
        int burst();
    }
}
