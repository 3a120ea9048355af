package dev.latchkey.refresher.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch (Prometheus at /q/metrics): refreshes by trigger, failures by reason, lease conflicts (a
 * result dropped because another writer got there first), and the schedule's lag, the age of the oldest due
 * refresh nobody has taken.
 */
@ApplicationScoped
public class RefreshMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lagSeconds = new AtomicLong();

    public RefreshMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("latchkey.refresher.schedule.lag", lagSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest due refresh no worker has taken").register(registry);
    }

    /** {@code owner}: the lease holder, whose kind ({@code worker:…}, {@code on-demand:…}) is the trigger. */
    void refreshed(String owner) {
        registry.counter("latchkey.refresher.refreshes", "trigger", owner.substring(0, owner.indexOf(':'))).increment();
    }

    void failed(String reason, boolean permanent) {
        registry.counter("latchkey.refresher.failures", "reason", reason, "permanent", String.valueOf(permanent)).increment();
    }

    void leaseConflict() {
        registry.counter("latchkey.refresher.lease.conflicts").increment();
    }

    void scheduleLag(long seconds) {
        lagSeconds.set(seconds);
    }
}
