package dev.latchkey.gateway.events;

import dev.latchkey.events.AccessEvents.ActionRun;
import dev.latchkey.events.AccessEvents.CallProxied;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.outbox.OutboxBatcher;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * Writes an {@code access.proxied} event per exchange with a provider and an {@code access.action_run} event per action
 * run. Neither changes state of ours: an event commits with concurrent calls' ones ({@link OutboxBatcher}), and
 * completes once durable.
 */
@ApplicationScoped
public class CallEventWriter {

    private static final URI SOURCE = EventSource.GATEWAY.uri();

    private final OutboxBatcher batcher;

    public CallEventWriter(OutboxBatcher batcher) {
        this.batcher = batcher;
    }

    /** An {@code access.action_run} event: a catalog action run through a connection, as its caller learns of it. */
    public Uni<Void> actionRun(Caller caller, ActionRun run) {
        return batcher.append(Topics.ACCESS, EventJson.envelope(run, SOURCE, caller.tenant(), caller.actor(), caller.name()));
    }

    public Uni<Void> proxied(Caller caller, CallProxied call) {
        return batcher.append(Topics.ACCESS, EventJson.envelope(call, SOURCE, caller.tenant(), caller.actor(), caller.name()));
    }
}
