package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.domain.TestOutcome;
import dev.latchkey.probes.FailureCategory;
import dev.latchkey.probes.FailureClassifier;
import dev.latchkey.probes.ProbeFailure;

import java.time.Duration;
import java.time.Instant;

/** Builds {@link TestOutcome}s: success, a categorised failure, or the failure an exception stands for. */
final class CheckResult {

    private CheckResult() {
    }

    static TestOutcome ok(String message, Duration latency) {
        return new TestOutcome(true, null, message, latency.toMillis(), Instant.now());
    }

    static TestOutcome failed(FailureCategory category, String message, Duration latency) {
        return new TestOutcome(false, category.name(), message, latency.toMillis(), Instant.now());
    }

    static TestOutcome failed(Throwable failure, Duration latency) {
        ProbeFailure classified = FailureClassifier.classify(failure);
        return failed(classified.category(), classified.getMessage(), latency);
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
