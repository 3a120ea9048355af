package dev.latchkey.refresher.service;

import dev.latchkey.refresher.config.RefresherConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per provider host: after {@code circuit-failures} transient failures in a row (no answer, 5xx)
 * the host's refreshes pause for {@code circuit-open}; then one refresh is let through, and its outcome closes the
 * circuit or opens it again. Paused refreshes are postponed, not counted against their connections. Kept per
 * replica: each replica learns an outage from its own requests.
 * <p>
 * Tenants name hosts (custom token URLs), so nothing here grows with them: a host that answers is forgotten, at most
 * {@link #MAX_HOSTS} failing hosts are remembered (a host beyond that gets no circuit until others answer), and the
 * metric is one gauge, the number of open circuits, without a label per host.
 */
@ApplicationScoped
public class ProviderCircuits {

    static final int MAX_HOSTS = 10_000;

    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final int failuresToOpen;
    private final Duration openFor;

    @Inject
    public ProviderCircuits(RefresherConfig config, MeterRegistry metrics) {
        this(config.circuitFailures(), config.circuitOpen(), metrics);
    }

    ProviderCircuits(int failuresToOpen, Duration openFor, MeterRegistry metrics) {
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        Gauge.builder("latchkey.refresher.circuits.open", this, ProviderCircuits::open)
                .description("Provider hosts whose refreshes are paused after repeated failures").register(metrics);
    }

    private static final class Circuit {
        private int failures;
        private Instant openUntil = Instant.MIN;
    }

    /** When the host's circuit is open, the instant it lets a request through again; null when it is closed. */
    public synchronized Instant pausedUntil(String host) {
        Circuit circuit = circuits.get(host);
        return circuit != null && circuit.openUntil.isAfter(Instant.now()) ? circuit.openUntil : null;
    }

    public synchronized void succeeded(String host) {
        circuits.remove(host);
    }

    public synchronized void failed(String host) {
        if (circuits.size() >= MAX_HOSTS && !circuits.containsKey(host)) {
            return;
        }
        Circuit circuit = circuits.computeIfAbsent(host, name -> new Circuit());
        circuit.failures++;
        if (circuit.failures >= failuresToOpen) {
            circuit.openUntil = Instant.now().plus(openFor);
        }
    }

    synchronized int tracked() {
        return circuits.size();
    }

    private synchronized double open() {
        Instant now = Instant.now();
        return circuits.values().stream().filter(circuit -> circuit.openUntil.isAfter(now)).count();
    }
}
