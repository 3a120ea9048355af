package dev.latchkey.probes;

import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.platform.outbound.OutboundConfig;
import dev.latchkey.platform.outbound.OutboundUrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

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
}
