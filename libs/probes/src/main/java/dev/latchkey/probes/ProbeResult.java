package dev.latchkey.probes;

import dev.latchkey.platform.text.Redaction;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of a connection test: what probes return, and what auth configs and connections store and show
 * as {@code lastTest}, so both speak of a test in the same JSON. The message helps the user fix the problem and
 * never holds a secret: whoever builds a result from a client's failure passes it through {@link #redacted}.
 *
 * @param tested   false when there was nothing to test (no request names how); nothing failed then, so {@code ok}
 * @param category why it failed; null when {@code ok}
 * @param testedAt when the test ended
 */
public record ProbeResult(boolean tested, boolean ok, FailureCategory category, String message, long latencyMs,
                          Instant testedAt) {

    public static ProbeResult success(String message, Duration latency) {
        return new ProbeResult(true, true, null, message, latency.toMillis(), Instant.now());
    }

    public static ProbeResult failure(FailureCategory category, String message, Duration latency) {
        return new ProbeResult(true, false, category, message, latency.toMillis(), Instant.now());
    }

    /** The failure an exception stands for, in the category {@link FailureClassifier} finds. */
    public static ProbeResult failure(Throwable cause, Duration latency) {
        ProbeFailure classified = FailureClassifier.classify(cause);
        return failure(classified.category(), classified.getMessage(), latency);
    }

    /** The same result, its message without the secrets of the request that was tested. */
    public ProbeResult redacted(Redaction redaction) {
        return new ProbeResult(tested, ok, category, redaction.apply(message), latencyMs, testedAt);
    }

    /**
     * Nothing was tried: not a pass ({@code ok} is false, so no reader takes it for one) and not a failure (no
     * category; callers keep the status as it was).
     *
     * @param message why there was nothing to test, and when the credentials will be checked instead
     */
    public static ProbeResult untested(String message) {
        return new ProbeResult(false, false, null, message, 0, Instant.now());
    }
}
