package dev.latchkey.connectedapps.rest;

import java.time.Duration;
import java.time.Instant;

/** Retries an assertion until it holds: for what consumers do after an event is on its topic. */
final class Eventually {

    private Eventually() {
    }

    static void holds(Runnable assertion) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
