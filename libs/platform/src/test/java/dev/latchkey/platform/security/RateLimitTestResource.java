package dev.latchkey.platform.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An endpoint any caller may call, counting how often it ran for each caller: a refused request must not run. */
@Path("/rate-limit-test")
public class RateLimitTestResource {

    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private final CurrentCaller caller;

    public RateLimitTestResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Requires(Permission.SIGNED_IN)
    public String run() {
        Caller current = caller.get();
        RUNS.computeIfAbsent(current.tenant() + "/" + current.subject(), ignored -> new AtomicInteger()).incrementAndGet();
        return "ran";
    }

    static int runs(String tenant, String subject) {
        AtomicInteger runs = RUNS.get(tenant + "/" + subject);
        return runs == null ? 0 : runs.get();
    }
}
