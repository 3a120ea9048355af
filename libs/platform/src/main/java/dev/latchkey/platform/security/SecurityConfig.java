package dev.latchkey.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Which token claims carry the tenant and the roles (identity providers name them differently), and how denials are counted. */
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
}
