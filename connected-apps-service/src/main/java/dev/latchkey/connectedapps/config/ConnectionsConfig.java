package dev.latchkey.connectedapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "latchkey.connections")
public interface ConnectionsConfig {

    /** Where users' browsers reach this service; the OAuth2 redirect URI is {@code <public-base-url>/oauth/callback}. */
    @WithDefault("http://localhost:8082")
    String publicBaseUrl();

    /** How long an authorization request's state stays good. */
    @WithDefault("10m")
    Duration stateLifetime();

    /** How long a token request may take. */
    @WithDefault("10s")
    Duration tokenTimeout();
}
