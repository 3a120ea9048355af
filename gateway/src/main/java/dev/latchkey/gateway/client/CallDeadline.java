package dev.latchkey.gateway.client;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClientRequest;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One call's deadline, from its start to the answer's last byte: when it passes, the exchange is reset, whatever
 * stage it is at, and the failure that follows is reported as the timeout it is.
 */
final class CallDeadline {

    private final Vertx vertx;
    private final Duration limit;
    private final long startedNanos = System.nanoTime();
    private volatile long timer = -1;
    private volatile boolean passed;

    CallDeadline(Vertx vertx, Duration limit) {
        this.vertx = vertx;
        this.limit = limit;
    }

    /** Resets {@code request} when the deadline passes (at once if it already has). */
    void watch(HttpClientRequest request) {
        long left = Math.max(1, limit.toMillis() - Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
        timer = vertx.setTimer(left, ignored -> {
            passed = true;
            request.reset();
        });
    }

    /** The exchange ended: the timer is no longer needed. */
    void end() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** A failure as the caller should see it: a timeout when the deadline caused it. */
    Throwable explain(Throwable failure) {
        end();
        return passed || failure instanceof io.smallrye.mutiny.TimeoutException ? timeout() : failure;
    }

    HttpTimeoutException timeout() {
        return new HttpTimeoutException("no complete answer within " + limit.toMillis() + " ms");
    }
}
