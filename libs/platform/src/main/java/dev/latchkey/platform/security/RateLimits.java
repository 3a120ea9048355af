package dev.latchkey.platform.security;

import dev.latchkey.platform.problem.TooManyRequestsException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests a caller and its tenant may make on this replica (OWASP API4): a token bucket per caller (tenant
 * and subject) and one per tenant, each refilled at {@code per-second} up to {@code burst}. A request takes a token
 * from both or from neither, so a refused request costs its caller nothing; the answer names when a token is there
 * again. Latchkey's own services ({@code service} role) are never limited: their calls follow a user's request that
 * was limited already, or the platform's own work. A bucket that has filled up again is the same as a new one, so
 * those are forgotten every {@link #SWEEP}: memory follows the callers of the last seconds, not all callers ever.
 */
@Startup
@ApplicationScoped
public class RateLimits {

    static final Duration SWEEP = Duration.ofSeconds(10);

    private record Rate(double perSecond, int burst) {
        Rate {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs per-second > 0 and burst >= 1, not "
                        + perSecond + " and " + burst);
            }
        }

        String describe() {
            return BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString() + " a second, " + burst + " at once";
        }
    }

    private record CallerKey(String tenant, String subject) {
    }

    private final boolean enabled;
    private final Rate callerRate;
    private final Rate tenantRate;
    private final Map<CallerKey, TokenBucket> callers = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> tenants = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP.toNanos());

    public RateLimits(SecurityConfig config) {
        SecurityConfig.RateLimit limit = config.rateLimit();
        this.enabled = limit.enabled();
        this.callerRate = new Rate(limit.caller().perSecond(), limit.caller().burst());
        this.tenantRate = new Rate(limit.tenant().perSecond(), limit.tenant().burst());
    }

    /** Takes a token for {@code caller}'s request, or throws {@link TooManyRequestsException} saying when to come back. */
    public void admit(Caller caller) {
        if (!enabled || caller.has(Caller.SERVICE)) {
            return;
        }
        long now = System.nanoTime();
        sweepIfDue(now);
        TokenBucket tenant = tenants.computeIfAbsent(caller.tenant(), ignored -> new TokenBucket(tenantRate, now));
        TokenBucket own = callers.computeIfAbsent(new CallerKey(caller.tenant(), caller.subject()),
                ignored -> new TokenBucket(callerRate, now));
        long ownWait;
        long tenantWait;
        // Always the tenant's bucket first, then the caller's: one order, so two requests never wait on each other.
        synchronized (tenant) {
            synchronized (own) {
                ownWait = own.nanosUntilToken(now);
                tenantWait = tenant.nanosUntilToken(now);
                if (ownWait == 0 && tenantWait == 0) {
                    own.take();
                    tenant.take();
                    return;
                }
            }
        }
        throw ownWait >= tenantWait
                ? new TooManyRequestsException("You are sending more requests than this service takes from one caller ("
                        + callerRate.describe() + "). Try again after Retry-After.", Duration.ofNanos(ownWait))
                : new TooManyRequestsException("Your tenant is sending more requests than this service takes from one tenant ("
                        + tenantRate.describe() + "). Try again after Retry-After.", Duration.ofNanos(tenantWait));
    }

    /**
     * Forgets the buckets that are full again. A request racing the sweep may take its token from a bucket being
     * forgotten and so get one token more than its burst, once: it had a full bucket anyway.
     */
    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP.toNanos())) {
            return;
        }
        callers.values().removeIf(bucket -> bucket.full(now));
        tenants.values().removeIf(bucket -> bucket.full(now));
    }

    /** Tokens refilled continuously from the time they were last looked at; callers hold its lock. */
    private static final class TokenBucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long updated;

        TokenBucket(Rate rate, long now) {
            this.perNano = rate.perSecond() / TimeUnit.SECONDS.toNanos(1);
            this.capacity = rate.burst();
            this.tokens = capacity;
            this.updated = now;
        }

        /** Zero when a token is there, else how long until one is. */
        long nanosUntilToken(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        }

        void take() {
            tokens -= 1;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now - updated > 0) {
                tokens = Math.min(capacity, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
