package dev.latchkey.probes;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of a connection test. The message helps the user fix the problem and never holds a secret.
 *
 * @param category why it failed; empty when {@code ok}
 */
public record ProbeResult(boolean ok, Optional<FailureCategory> category, String message, Duration latency) {

    public static ProbeResult success(String message, Duration latency) {
        return new ProbeResult(true, Optional.empty(), message, latency);
    }

    public static ProbeResult failure(FailureCategory category, String message, Duration latency) {
        return new ProbeResult(false, Optional.of(category), message, latency);
    }
}
