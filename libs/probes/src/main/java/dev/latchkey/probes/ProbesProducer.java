package dev.latchkey.probes;

import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.platform.outbound.OutboundConfig;
import dev.latchkey.platform.outbound.OutboundUrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The native connectors' probes and the catalog's test requests, for any service that tests connections. */
@ApplicationScoped
public class ProbesProducer {

    @Produces
    @Singleton
    Probes probes(OutboundUrlGuard guard) {
        return Probes.all(guard);
    }

    @Produces
    @Singleton
    ApiRequestProbe apiRequestProbe(GuardedHttp http, OutboundConfig outbound) {
        return new ApiRequestProbe(http, outbound.maxResponse().asLongValue());
    }

    @Produces
    @Singleton
    TestSlots testSlots(@ConfigProperty(name = "latchkey.tests.per-tenant", defaultValue = "10") int perTenant,
            @ConfigProperty(name = "latchkey.tests.total", defaultValue = "100") int total,
            @ConfigProperty(name = "latchkey.tests.retry-after", defaultValue = "10s") Duration retryAfter) {
        return new TestSlots(perTenant, total, retryAfter);
    }
}
