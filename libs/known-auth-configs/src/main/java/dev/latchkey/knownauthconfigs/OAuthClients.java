package dev.latchkey.knownauthconfigs;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.oauth.OAuthClient;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The OAuth2 client of a known auth config: its own settings over the catalog entry's, and its client secret from
 * the shared secret store for the one token request that needs it.
 */
@ApplicationScoped
public class OAuthClients {

    /** The client and its secret (for a JWT bearer grant, its private key); never printed with the secret. */
    public record Resolved(OAuthClient client, String clientSecret) {
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

    public OAuthClient client(KnownAuthConfig authConfig) {
        AuthType grant = AuthType.of(authConfig.authType);
        return OAuthClient.of(grant, authConfig.config, Optional.ofNullable(authConfig.provider).flatMap(catalog::find)
                .flatMap(entry -> entry.option(grant)));
    }

    /** The client with its secret, read now; fails with {@code SecretNotFoundException} when the secret is gone. */
    public Uni<Resolved> resolve(KnownAuthConfig authConfig) {
        String field = AuthType.of(authConfig.authType) == AuthType.OAUTH2_JWT_BEARER ? "privateKey" : "clientSecret";
        return secrets.read(SecretPath.authConfig(authConfig.tenant, authConfig.id))
                .map(secret -> new Resolved(client(authConfig), secret.fields().get(field)));
    }

    /** {@link #resolve(KnownAuthConfig)} of {@code tenant}'s auth config {@code id}, which must still be known. */
    public Uni<Resolved> resolve(String tenant, UUID id) {
        return Panache.withSession(() -> authConfigs.findInTenant(tenant, id))
                .onItem().ifNull().failWith(() -> new IllegalStateException("auth config " + id + " is gone"))
                .chain(this::resolve);
    }
}
