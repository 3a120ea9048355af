package dev.latchkey.gateway.service;

import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.platform.problem.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The calls through each connection that this replica has in flight, bounded: one over the bound is refused at once
 * with a 429 rather than queued, so a runaway caller learns of it and the others are not held. Counted per tenant and
 * connection, so a tenant naming another's connection id cannot use up its calls.
 */
@ApplicationScoped
public class CallsInFlight {

    private record Key(String tenant, UUID connection) {
    }

    /** A call's place among the connection's in flight; given back once, however often {@link #release} is called. */
    public final class Place {

        private final Key key;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Place(Key key) {
            this.key = key;
        }

        public void release() {
            if (held.compareAndSet(true, false)) {
                inFlight.computeIfPresent(key, (ignored, count) -> count == 1 ? null : count - 1);
            }
        }
    }

    private final ConcurrentMap<Key, Integer> inFlight = new ConcurrentHashMap<>();
    private final int bound;

    public CallsInFlight(GatewayConfig config) {
        this.bound = config.maxConcurrentCalls();
    }

    /**
     * A place for one more call through the connection.
     *
     * @throws TooManyRequestsException (a 429) when the connection has as many calls in flight as it may
     */
    public Place enter(String tenant, UUID connection) {
        Key key = new Key(tenant, connection);
        boolean[] admitted = {false};
        inFlight.compute(key, (ignored, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < bound;
            return admitted[0] ? now + 1 : now;
        });
        if (!admitted[0]) {
            throw new TooManyRequestsException("The connection has " + bound + " calls in flight through this gateway, as"
                    + " many as it may; make this one when one of them has ended.", Duration.ofSeconds(1));
        }
        return new Place(key);
    }
}
