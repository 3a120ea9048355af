package dev.latchkey.gateway.events;

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
 * Writes an {@code access.proxied} event per call. A call changes no state of ours: its event commits with concurrent
 * calls' ones ({@link OutboxBatcher}), and completes once durable.
 */
@ApplicationScoped
public class CallEventWriter {

    private static final URI SOURCE = EventSource.GATEWAY.uri();

    private final OutboxBatcher batcher;

    public CallEventWriter(OutboxBatcher batcher) {
        this.batcher = batcher;
    }

    public Uni<Void> proxied(Caller caller, CallProxied call) {
        return batcher.append(Topics.ACCESS, EventJson.envelope(call, SOURCE, caller.tenant(), caller.actor(), caller.name()));
    }
}
