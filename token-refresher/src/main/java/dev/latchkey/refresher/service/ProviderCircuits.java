package dev.latchkey.refresher.service;

import dev.latchkey.refresher.config.RefresherConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per provider host: after {@code circuit-failures} transient failures in a row (no answer, 5xx)
 * the host's refreshes pause for {@code circuit-open}; then one refresh is let through, and its outcome closes the
 * circuit or opens it again. Paused refreshes are postponed, not counted against their connections. Kept per
 * replica: each replica learns an outage from its own requests.
 */
@ApplicationScoped
public class ProviderCircuits {

    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final int failuresToOpen;
    private final Duration openFor;
    private final MeterRegistry metrics;

    public ProviderCircuits(RefresherConfig config, MeterRegistry metrics) {
        this.failuresToOpen = config.circuitFailures();
        this.openFor = config.circuitOpen();
        this.metrics = metrics;
    }

    private static final class Circuit {
        private int failures;
        private Instant openUntil = Instant.MIN;
    }

    /** When the host's circuit is open, the instant it lets a request through again; null when it is closed. */
    public synchronized Instant pausedUntil(String host) {
        Instant until = circuit(host).openUntil;
        return until.isAfter(Instant.now()) ? until : null;
    }

    public synchronized void succeeded(String host) {
        Circuit circuit = circuit(host);
        circuit.failures = 0;
        circuit.openUntil = Instant.MIN;
    }

    public synchronized void failed(String host) {
        Circuit circuit = circuit(host);
        circuit.failures++;
        if (circuit.failures >= failuresToOpen) {
            circuit.openUntil = Instant.now().plus(openFor);
        }
    }

    private Circuit circuit(String host) {
        return circuits.computeIfAbsent(host, name -> {
            Circuit circuit = new Circuit();
            Gauge.builder("latchkey.refresher.circuit.open", circuit, c -> c.openUntil.isAfter(Instant.now()) ? 1 : 0)
                    .tag("host", name).description("1 while refreshes at this provider host are paused").register(metrics);
            return circuit;
        });
    }
}
