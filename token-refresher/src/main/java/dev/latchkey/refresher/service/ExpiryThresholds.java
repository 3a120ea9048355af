package dev.latchkey.refresher.service;

import dev.latchkey.refresher.config.RefresherConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When {@code token.expiring} warnings about a credential go out: as soon as it is inside the largest threshold
 * before its end, then again as it reaches each smaller one. Thresholds it was already past are not announced
 * one by one: the first warning covers them.
 */
@ApplicationScoped
public class ExpiryThresholds {

    private final List<Duration> thresholds;

    public ExpiryThresholds(RefresherConfig config) {
        this.thresholds = config.expiryWarnings();
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
