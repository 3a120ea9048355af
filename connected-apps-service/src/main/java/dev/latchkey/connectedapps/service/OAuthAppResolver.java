package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.KnownAuthConfig;
import dev.latchkey.connectedapps.repository.KnownAuthConfigRepository;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Finds the OAuth2 client a connection was made with, and its client secret from the shared secret store. */
@ApplicationScoped
public class OAuthAppResolver {

    /** The client and its secret, for the one token request that needs it. */
    record Resolved(OAuthApp app, String clientSecret) {
    }

    private final KnownAuthConfigRepository authConfigs;
    private final Catalog catalog;
    private final SecretStore secrets;

    public OAuthAppResolver(KnownAuthConfigRepository authConfigs, Catalog catalog, SecretStore secrets) {
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.secrets = secrets;
    }

    static OAuthApp app(KnownAuthConfig authConfig, Catalog catalog) {
        return OAuthApp.of(authConfig, Optional.ofNullable(authConfig.provider).flatMap(catalog::find)
                .flatMap(entry -> entry.option(AuthType.OAUTH2)));
    }

    Uni<Resolved> resolve(Connection connection) {
        return Panache.withSession(() -> authConfigs.findInTenant(connection.tenant, connection.authConfigId))
                .onItem().ifNull().failWith(() -> new IllegalStateException("the connection's auth config is gone"))
                .chain(authConfig -> secrets.read(SecretPath.authConfig(connection.tenant, connection.authConfigId))
                        .map(secret -> new Resolved(app(authConfig, catalog), secret.fields().get("clientSecret"))));
    }
}
