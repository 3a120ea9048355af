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

    /** How long a token request (code exchange, client credentials, revocation) may take, body included. */
    @WithDefault("10s")
    Duration tokenTimeout();

    /** How long a connection test may take, the answer's body included. */
    @WithDefault("10s")
    Duration testTimeout();

    /** How often housekeeping removes what outlived its use (read by its schedule). */
    @WithDefault("1h")
    Duration purgeInterval();

    /** How long a connection may stay PENDING, never authorized, before housekeeping removes it. */
    @WithDefault("24h")
    Duration pendingLifetime();

    /** How long a connect session's link stays good. */
    @WithDefault("30m")
    Duration connectSessionLifetime();

    /**
     * A credentials read asks token-refresher for a refresh when the token expires sooner than this (or is past half
     * its life when shorter): a backstop, shorter than the refresher's own {@code latchkey.refresher.schedule-margin}.
     */
    @WithDefault("5m")
    Duration readRefreshMargin();

    /** How long a credentials read waits for an on-demand refresh. */
    @WithDefault("20s")
    Duration refreshWait();

    /** Transient refresh failures in a row after which a connection shows ERROR. */
    @WithDefault("3")
    int refreshFailuresBeforeError();

    /**
     * Connections whose stored credentials each replica keeps in memory between changes, so a read asks the database
     * nothing; {@code 0} keeps none.
     */
    @WithDefault("10000")
    int readCacheEntries();

    /** The longest kept credentials are handed out without reading them again, should a change's notification be lost. */
    @WithDefault("30s")
    Duration readCacheMaxAge();

    /** How long a toolkit's token lasts when its issuer does not say. */
    @WithDefault("30d")
    Duration toolkitTokenLifetime();

    /** The longest a toolkit's token may last. */
    @WithDefault("365d")
    Duration toolkitTokenMaxLifetime();
}
