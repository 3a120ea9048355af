package dev.latchkey.refresher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How token-refresher paces refreshes. */
@ConfigMapping(prefix = "latchkey.refresher")
public interface RefresherConfig {

    /**
     * The scheduled refresh: a token is refreshed this long before it expires (or at half its life when shorter).
     * A credentials read has its own, shorter margin ({@code latchkey.connections.read-refresh-margin}) for tokens
     * the schedule has not refreshed in time.
     */
    @WithDefault("10m")
    Duration scheduleMargin();

    /** How long a worker or caller holds a connection while it refreshes; outlives the token request's timeout. */
    @WithDefault("60s")
    Duration lease();

    /**
     * How long a token request may take: the whole exchange, from the DNS lookup to the answer's last byte (a provider
     * dripping its answer is cut off here). A refresh lasts at most this long plus its database writes.
     */
    @WithDefault("10s")
    Duration tokenTimeout();

    /** How long an on-demand caller waits for a refresh another caller runs. */
    @WithDefault("20s")
    Duration onDemandWait();

    /** The first retry after a transient failure; each further one waits twice as long, up to {@link #maxBackoff()}. */
    @WithDefault("30s")
    Duration backoff();

    @WithDefault("15m")
    Duration maxBackoff();

    /** How often each worker looks for due refreshes. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Transient failures in a row at one provider host after which its refreshes pause. */
    @WithDefault("5")
    int circuitFailures();

    /** How long refreshes at a failing provider host pause before one is tried again. */
    @WithDefault("30s")
    Duration circuitOpen();

    /** How many due connections a worker takes at a time, and refreshes concurrently. */
    @WithDefault("32")
    int batchSize();
}
