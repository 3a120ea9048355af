package dev.latchkey.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Waits for what consumers, relays and other processes do in their own time: tries again until a condition holds,
 * and fails naming what did not happen. The one place in the tests that pauses: a test waits for a condition,
 * never for a time. Conditions are {@link Callable}s so that a JDBC query needs no try block around it.
 */
public final class Eventually {

    /** Long enough for a consumer on a 2-core machine under a full build; a caller that needs more says so. */
    public static final Duration WITHIN = Duration.ofSeconds(30);

    private static final Duration BETWEEN_TRIES = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Waits until {@code condition} is true; {@code what} names it in the failure ("five entries"). */
    public static void until(String what, Callable<Boolean> condition) {
        until(what, WITHIN, condition);
    }

    public static void until(String what, Duration within, Callable<Boolean> condition) {
        attempt(what, within, () -> {
            if (!condition.call()) {
                throw new AssertionError("still false");
            }
            return null;
        });
    }

    /** Waits until {@code assertions} stop throwing {@link AssertionError}. */
    public static void holds(String what, Runnable assertions) {
        attempt(what, WITHIN, () -> {
            assertions.run();
            return null;
        });
    }

    /** Waits until {@code attempt} returns instead of throwing {@link AssertionError}; returns what it returned. */
    public static <T> T returns(String what, Callable<T> attempt) {
        return attempt(what, WITHIN, attempt);
    }

    /**
     * @throws AssertionError naming {@code what}, caused by the last try's error, once {@code within} has passed
     * @throws RuntimeException at once, when a try throws anything but an {@link AssertionError}: that is a failure,
     *         not "not yet" (a checked exception comes wrapped in an {@link IllegalStateException})
     */
    private static <T> T attempt(String what, Duration within, Callable<T> attempt) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            try {
                return attempt.call();
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("waited " + within.toSeconds() + " s for " + what + " in vain", notYet);
                }
            } catch (RuntimeException failure) {
                throw failure;
            } catch (Exception failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("failed while waiting for " + what, failure);
            }
            try {
                Thread.sleep(BETWEEN_TRIES.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
