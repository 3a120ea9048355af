package dev.latchkey.refresher.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hosts are named by tenants: the circuits and their metric stay bounded however many hosts fail. */
class ProviderCircuitsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ProviderCircuits circuits = new ProviderCircuits(2, Duration.ofMinutes(1), metrics);

    @Test
    void aHostOpensAfterItsFailuresAndIsForgottenWhenItAnswers() {
        circuits.failed("idp.example.com");
        assertNull(circuits.pausedUntil("idp.example.com"));
        circuits.failed("idp.example.com");
        assertNotNull(circuits.pausedUntil("idp.example.com"));
        assertEquals(1.0, metrics.get("latchkey.refresher.circuits.open").gauge().value());

        circuits.succeeded("idp.example.com");

        assertNull(circuits.pausedUntil("idp.example.com"));
        assertEquals(0, circuits.tracked());
    }

    @Test
    void manyFailingHostsAreBoundedAndMakeOneMeter() {
        for (int host = 0; host < ProviderCircuits.MAX_HOSTS + 5_000; host++) {
            circuits.failed("h" + host + ".attacker.example");
            circuits.failed("h" + host + ".attacker.example");
        }

        assertEquals(ProviderCircuits.MAX_HOSTS, circuits.tracked());
        assertEquals(ProviderCircuits.MAX_HOSTS, metrics.get("latchkey.refresher.circuits.open").gauge().value());
        assertEquals(1, metrics.getMeters().size());
    }
}
