package dev.latchkey.authconfig.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "latchkey.auth-configs")
public interface AuthConfigsConfig {

    /**
     * Where users' browsers reach Latchkey; the OAuth2 redirect URI to register with a provider is
     * {@code <public-base-url>/oauth/callback} (served by connected-apps-service).
     */
    @WithDefault("http://localhost:8082")
    String publicBaseUrl();

    /** How long a test may take, the answer's body included. */
    @WithDefault("10s")
    Duration testTimeout();
}
