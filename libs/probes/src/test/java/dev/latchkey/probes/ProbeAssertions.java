package dev.latchkey.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees of a probe: success, or a category and a message that repeats no secret. */
final class ProbeAssertions {

    private ProbeAssertions() {
    }

    static void assertSucceeded(ProbeResult result) {
        assertTrue(result.ok(), () -> "expected success, got " + result);
    }

    static void assertFailed(ProbeResult result, FailureCategory category, String... secrets) {
        assertFalse(result.ok(), () -> "expected " + category + ", got success: " + result.message());
        assertEquals(category, result.category(), () -> "message: " + result.message());
        for (String secret : secrets) {
            assertFalse(result.message().contains(secret), () -> "the message repeats a secret: " + result.message());
        }
    }
}
