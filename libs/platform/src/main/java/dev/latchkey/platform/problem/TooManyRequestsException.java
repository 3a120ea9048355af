package dev.latchkey.platform.problem;

import java.time.Duration;

/** The caller asked for more than its share for now: a 429 problem with {@code Retry-After}. Nothing was changed. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one (RFC 9110 §10.2.3). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
