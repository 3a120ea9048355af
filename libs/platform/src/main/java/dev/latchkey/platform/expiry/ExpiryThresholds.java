package dev.latchkey.platform.expiry;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When warnings about a credential that will end go out ({@code latchkey.expiry-warnings}, 7 days, 1 day and 1 hour
 * before by default): as soon as it is inside the largest threshold before its end, then again as it reaches each
 * smaller one. Thresholds it was already past are not announced one by one: the first warning covers them.
 */
@Singleton
public class ExpiryThresholds {

    private final List<Duration> thresholds;

    public ExpiryThresholds(
            @ConfigProperty(name = "latchkey.expiry-warnings", defaultValue = "7d,1d,1h") List<Duration> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    /** The first warning about a credential ending at {@code end}, watched from {@code now}. */
    public Instant first(Instant end, Instant now) {
        Instant largest = end.minus(thresholds.stream().max(Duration::compareTo).orElseThrow());
        return largest.isAfter(now) ? largest : now;
    }

    /** The warning after one sent at {@code now}: the next threshold still ahead; null when none is. */
    public Instant next(Instant end, Instant now) {
        return thresholds.stream().map(end::minus).filter(at -> at.isAfter(now)).min(Instant::compareTo).orElse(null);
    }
}
