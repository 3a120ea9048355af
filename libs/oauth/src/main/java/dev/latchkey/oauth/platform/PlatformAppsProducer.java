package dev.latchkey.oauth.platform;

import dev.latchkey.catalog.Catalog;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The operator's OAuth2 apps, read and checked at startup: a wrong file stops the service, saying what is wrong. */
@ApplicationScoped
public class PlatformAppsProducer {

    @Produces
    @Singleton
    @Startup
    PlatformApps platformApps(PlatformAppsConfig config, Catalog catalog) {
        return config.file().map(file -> PlatformApps.read(Path.of(file), catalog)).orElseGet(PlatformApps::none);
    }
}
