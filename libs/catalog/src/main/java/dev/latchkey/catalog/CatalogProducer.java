package dev.latchkey.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The catalog, read and checked once at startup. */
@ApplicationScoped
public class CatalogProducer {

    @Produces
    @Singleton
    Catalog catalog() {
        return Catalog.load();
    }
}
