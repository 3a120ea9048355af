package dev.latchkey.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which token claims carry the tenant and the roles; identity providers name them differently. */
@ConfigMapping(prefix = "latchkey.security")
public interface SecurityConfig {

    @WithDefault("tenant")
    String tenantClaim();

    @WithDefault("roles")
    String rolesClaim();

    /** The claim holding the caller's display name, recorded with its events for the audit log. */
    @WithDefault("preferred_username")
    String nameClaim();
}
