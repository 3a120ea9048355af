package dev.latchkey.authconfig.config;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.platform.outbound.OutboundUrlGuard;
import dev.latchkey.probes.Probes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The catalog, read and checked once at startup, and the native connectors' probes. */
@ApplicationScoped
public class CatalogProducer {

    @Produces
    @Singleton
    Catalog catalog() {
        return Catalog.load();
    }

    @Produces
    @Singleton
    Probes probes(OutboundUrlGuard guard) {
        return Probes.all(guard);
    }
}
