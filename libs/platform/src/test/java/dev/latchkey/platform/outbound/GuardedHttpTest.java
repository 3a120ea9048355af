package dev.latchkey.platform.outbound;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.MisbehavingEndpoint;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline and the body cap against real endpoints on loopback that misbehave: a body dripped a byte at a time
 * (each byte well inside any read timeout) and a 100 MB body, streamed, never held by the test.
 */
class GuardedHttpTest {

    private static final long CAP = 64 * 1024;
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    /** Room for a slow, busy 2-core machine; far below the drip's length. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private static final TestOutboundConfig LOOPBACK = new TestOutboundConfig(true, List.of(), List.of("127.0.0.0/8"));
    private final GuardedHttp http = new GuardedHttp(new OutboundUrlGuard(LOOPBACK), LOOPBACK);

    @Test
    void aBodyDrippedPastTheDeadlineFailsAtTheDeadlineAndItsConnectionIsDropped() {
        Duration deadline = Duration.ofSeconds(1);
        try (var drip = MisbehavingEndpoint.dripping(Duration.ofMillis(200), 10_000)) {   // 2,000 s for the whole body
            long started = System.nanoTime();

            Throwable failure = failureOf(() -> post(drip.url("/token"), deadline, CAP));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertInstanceOf(HttpTimeoutException.class, failure);
            assertEquals("no complete answer within 1000 ms", failure.getMessage());
            assertTrue(took.compareTo(deadline) >= 0 && took.compareTo(deadline.plus(MARGIN)) < 0, "failed after " + took);
            Eventually.until("the endpoint sees the connection closed", () -> drip.hungUp() == 1);
        }
    }

    /** As a service calls it: from a Vert.x context, where the deadline is timed on an event loop. */
    @Test
    void calledFromAVertxContextTheDeadlineHoldsAndTheFailureComesBackOnThatContext() throws Exception {
        Duration deadline = Duration.ofSeconds(1);
        Vertx vertx = Vertx.vertx();
        try (var drip = MisbehavingEndpoint.dripping(Duration.ofMillis(200), 10_000)) {
            Context caller = vertx.getOrCreateContext();
            CompletableFuture<Throwable> failed = new CompletableFuture<>();
            AtomicBoolean onCallersContext = new AtomicBoolean();
            long started = System.nanoTime();

            caller.runOnContext(ignored -> http.send("POST", URI.create(drip.url("/token")), Map.of(), "grant_type=refresh_token",
                    deadline, CAP).subscribe().with(answer -> failed.complete(null), failure -> {
                        onCallersContext.set(Vertx.currentContext() == caller);
                        failed.complete(failure);
                    }));
            Throwable failure = failed.get(60, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertInstanceOf(HttpTimeoutException.class, failure);
            assertTrue(took.compareTo(deadline) >= 0 && took.compareTo(deadline.plus(MARGIN)) < 0, "failed after " + took);
            assertTrue(onCallersContext.get(), "the failure came back on another thread than the caller's context");
            Eventually.until("the endpoint sees the connection closed", () -> drip.hungUp() == 1);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aHundredMegabyteBodyIsRefusedWithoutBeingRead() {
        try (var flood = MisbehavingEndpoint.flooding(HUNDRED_MB, false)) {
            long started = System.nanoTime();

            Throwable failure = failureOf(() -> post(flood.url("/token"), Duration.ofSeconds(30), CAP));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertInstanceOf(ResponseTooLargeException.class, failure);
            assertEquals("the answer's body is larger than 64 KiB, the most Latchkey reads from this endpoint", failure.getMessage());
            assertTrue(took.compareTo(MARGIN) < 0, "refused after " + took);
            Eventually.until("the endpoint sees the connection closed", () -> flood.hungUp() == 1);
            assertTrue(flood.mostBodyBytesSent() < HUNDRED_MB / 4, "sent " + flood.mostBodyBytesSent() + " bytes before the client hung up");
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheCapIsRefusedBeforeItsFirstByte() {
        try (var flood = MisbehavingEndpoint.flooding(HUNDRED_MB, true)) {
            Throwable failure = failureOf(() -> post(flood.url("/token"), Duration.ofSeconds(30), CAP));

            assertInstanceOf(ResponseTooLargeException.class, failure);
            Eventually.until("the endpoint sees the connection closed", () -> flood.hungUp() == 1);
            assertTrue(flood.mostBodyBytesSent() < HUNDRED_MB / 4, "sent " + flood.mostBodyBytesSent() + " bytes before the client hung up");
        }
    }

    @Test
    void anAnswerWithinTheCapAndTheDeadlineComesBackWhole() {
        try (var endpoint = MisbehavingEndpoint.flooding(CAP, true)) {
            HttpResponse<String> response = post(endpoint.url("/token"), Duration.ofSeconds(30), CAP);

            assertEquals(200, response.statusCode());
            assertEquals(CAP, response.body().length());
        }
    }

    private HttpResponse<String> post(String url, Duration deadline, long cap) {
        return http.send("POST", URI.create(url), Map.of("Content-Type", "application/x-www-form-urlencoded"), "grant_type=refresh_token",
                deadline, cap).await().atMost(Duration.ofSeconds(60));
    }

    private static Throwable failureOf(Runnable call) {
        Throwable thrown = assertThrows(Exception.class, call::run);
        return thrown.getCause() != null && !(thrown instanceof HttpTimeoutException) && !(thrown instanceof ResponseTooLargeException)
                ? thrown.getCause() : thrown;
    }
}
