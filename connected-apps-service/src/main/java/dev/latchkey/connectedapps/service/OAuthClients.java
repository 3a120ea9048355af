package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.oauth.OAuthClient;
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
public class OAuthClients {

    /** The client and its secret, for the one token request that needs it. */
    record Resolved(OAuthClient client, String clientSecret) {
        @Override
        public String toString() {
            return "Resolved[" + client.clientId() + "]";
        }
    }

    private final KnownAuthConfigRepository authConfigs;
    private final Catalog catalog;
    private final SecretStore secrets;

    public OAuthClients(KnownAuthConfigRepository authConfigs, Catalog catalog, SecretStore secrets) {
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.secrets = secrets;
    }

    OAuthClient client(KnownAuthConfig authConfig) {
        AuthType grant = AuthType.of(authConfig.authType);
        return OAuthClient.of(grant, authConfig.config, Optional.ofNullable(authConfig.provider).flatMap(catalog::find)
                .flatMap(entry -> entry.option(grant)));
    }

    Uni<Resolved> resolve(KnownAuthConfig authConfig) {
        return secrets.read(SecretPath.authConfig(authConfig.tenant, authConfig.id))
                .map(secret -> new Resolved(client(authConfig), secret.fields().get("clientSecret")));
    }

    Uni<Resolved> resolve(Connection connection) {
        return Panache.withSession(() -> authConfigs.findInTenant(connection.tenant, connection.authConfigId))
                .onItem().ifNull().failWith(() -> new IllegalStateException("the connection's auth config is gone"))
                .chain(this::resolve);
    }
}
