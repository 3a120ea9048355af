package dev.latchkey.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * What operators watch of the calls through the gateway (Prometheus at /q/metrics): each exchange with a provider
 * as a histogram of its time to the answer's head, by provider (the catalog entry, {@code custom} for a custom auth
 * config) and by status class or, for a call that got no answer, its outcome; and the waits for a {@code Retry-After}.
 */
@ApplicationScoped
public class CallMetrics {

    private final MeterRegistry registry;

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param status the provider's status, null when there was no answer ({@code outcome} says why) */
    void exchanged(String provider, Integer status, String outcome, Duration took) {
        Timer.builder("latchkey.gateway.calls")
                .description("Exchanges with providers, to the answer's status and headers")
                .tag("provider", provider)
                .tag("status", status == null ? outcome : status / 100 + "xx")
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    void waitedRetryAfter(String provider, int status) {
        registry.counter("latchkey.gateway.retries", "provider", provider, "status", String.valueOf(status)).increment();
    }
}
