package dev.latchkey.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "latchkey.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay; any number may, only one sends a given row. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events {@link OutboxBatcher} commits in one insert at most. */
    @WithDefault("256")
    int batchEvents();

    /**
     * {@link OutboxBatcher}'s inserts in flight at once. Two keep the database busy while a commit is under way; more
     * only make the batches smaller.
     */
    @WithDefault("2")
    int batchFlushes();

    /**
     * How long a relay woken by a commit waits before it reads a batch, so that commits close together are sent as one
     * batch; a full batch is followed at once. Events reach Kafka this much later; requests never wait for it.
     */
    @WithDefault("10ms")
    Duration linger();

    /** Events a relay claims and sends per batch, at least: a row holding a batch of events is never split. */
    @WithDefault("200")
    int batchSize();

    /** The fallback when a commit's notification is missed (connection lost, relay restarting). */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long a claim holds; longer than the producer's delivery timeout, so a slow send is never sent twice. */
    @WithDefault("60s")
    Duration lease();
}
