package dev.latchkey.oauth.platform;

import dev.latchkey.catalog.Catalog;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/** The operator's OAuth2 apps, read and checked at startup: a wrong file stops the service, saying what is wrong. */
@ApplicationScoped
public class PlatformAppsProducer {

    @Produces
    @Singleton
    @Startup
    PlatformApps platformApps(@ConfigProperty(name = "latchkey.platform-apps.file") Optional<Path> file, Catalog catalog) {
        return file.map(path -> PlatformApps.read(path, catalog)).orElseGet(PlatformApps::none);
    }
}
