package dev.latchkey.secrets.local;

import dev.latchkey.secrets.SecretsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Creates and migrates the local store's own schema (default {@code secrets}) at startup, from
 * {@code db/secrets}. Every service runs it and Flyway's lock lets one at a time through, so the services share
 * one store, as they share one Vault in a cluster: an auth config's client secret written by
 * auth-config-service is the secret connected-apps-service and token-refresher exchange codes and refresh
 * tokens with. A service that only reads ({@code latchkey.secrets.local.read-only}) leaves it to the others.
 */
@ApplicationScoped
public class LocalSecretsSchema {

    private final SecretsConfig config;
    private final Instance<DataSource> dataSource;

    public LocalSecretsSchema(SecretsConfig config, Instance<DataSource> dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    void migrate(@Observes @Priority(1) StartupEvent startup) {
        if (config.backend() != SecretsConfig.Backend.LOCAL || config.local().readOnly()) {
            return;
        }
        var flyway = Flyway.configure()
                .dataSource(dataSource.get())
                .schemas(config.local().schema())
                .defaultSchema(config.local().schema())
                .locations("classpath:db/secrets");
        config.local().ownerRole().ifPresent(role -> flyway.initSql("SET ROLE " + quoted(role)));
        flyway.load().migrate();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
