package dev.latchkey.probes;

import dev.latchkey.platform.problem.TooManyRequestsException;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How many connection tests run at once: at most {@code perTenant} of one tenant and {@code total} in all. A test
 * beyond either bound is refused at once with a 429 that says when to try again, never
 * queued: a tenant that starts hundreds of tests against a host that never answers holds its own slots only, and
 * every other tenant's tests, and everything else the service does, go on as before. Kept per replica; set by
 * {@code latchkey.tests.per-tenant} (10), {@code latchkey.tests.total} (100) and {@code latchkey.tests.retry-after}
 * (10s, the Retry-After of a refusal: about one test's longest run).
 */
public final class TestSlots {

    private final int perTenant;
    private final int total;
    private final Duration retryAfter;
    private final Map<String, Integer> running = new HashMap<>();
    private int runningInAll;

    public TestSlots(int perTenant, int total, Duration retryAfter) {
        this.perTenant = perTenant;
        this.total = total;
        this.retryAfter = retryAfter;
    }

    /** Runs {@code test} in a slot of {@code tenant}'s, freed however the test ends (answer, failure, cancellation). */
    public <T> Uni<T> run(String tenant, Supplier<Uni<T>> test) {
        return Uni.createFrom().deferred(() -> {
            take(tenant);
            return Uni.createFrom().deferred(test::get).onTermination().invoke(() -> free(tenant));
        });
    }

    private synchronized void take(String tenant) {
        int ofTenant = running.getOrDefault(tenant, 0);
        if (ofTenant >= perTenant) {
            throw new TooManyRequestsException("Your tenant already runs " + perTenant + " connection tests, the most at"
                    + " once; try again when one has ended.", retryAfter);
        }
        if (runningInAll >= total) {
            throw new TooManyRequestsException("This service already runs " + total + " connection tests, the most at"
                    + " once; try again shortly.", retryAfter);
        }
        running.put(tenant, ofTenant + 1);
        runningInAll++;
    }

    private synchronized void free(String tenant) {
        running.computeIfPresent(tenant, (name, count) -> count == 1 ? null : count - 1);
        runningInAll--;
    }

    /** Tests running now, of {@code tenant}. */
    synchronized int running(String tenant) {
        return running.getOrDefault(tenant, 0);
    }
}
