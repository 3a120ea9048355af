package dev.latchkey.knownauthconfigs;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.oauth.OAuthClient;
import dev.latchkey.oauth.platform.PlatformApp;
import dev.latchkey.oauth.platform.PlatformApps;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The OAuth2 client of a known auth config: its own settings over the catalog entry's, and its client secret from
 * the shared secret store for the one token request that needs it. An auth config that uses the operator's app
 * ({@link PlatformApp}) gets that app's client id, pinned parameters and secret instead.
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
    private final PlatformApps platformApps;

    public OAuthClients(KnownAuthConfigRepository authConfigs, Catalog catalog, SecretStore secrets, PlatformApps platformApps) {
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.secrets = secrets;
        this.platformApps = platformApps;
    }

    public OAuthClient client(KnownAuthConfig authConfig) {
        AuthType grant = AuthType.of(authConfig.authType);
        Map<String, Object> config = PlatformApp.chosenIn(authConfig.config)
                ? platformApp(authConfig).clientConfig(authConfig.config) : authConfig.config;
        return OAuthClient.of(grant, config, Optional.ofNullable(authConfig.provider).flatMap(catalog::find)
                .flatMap(entry -> entry.option(grant)));
    }

    /**
     * The client with its secret, read now; fails with {@code SecretNotFoundException} when the secret is gone, and
     * with {@link UnavailableException} when the operator's app it uses is no longer configured.
     */
    public Uni<Resolved> resolve(KnownAuthConfig authConfig) {
        if (PlatformApp.chosenIn(authConfig.config)) {
            return Uni.createFrom().item(() -> new Resolved(client(authConfig), platformApp(authConfig).clientSecret()));
        }
        String field = AuthType.of(authConfig.authType) == AuthType.OAUTH2_JWT_BEARER ? "privateKey" : "clientSecret";
        return secrets.read(SecretPath.authConfig(authConfig.tenant, authConfig.id))
                .map(secret -> new Resolved(client(authConfig), secret.fields().get(field)));
    }

    /** The operator's app an auth config uses; the operator may have withdrawn it since (the tenant cannot fix that). */
    private PlatformApp platformApp(KnownAuthConfig authConfig) {
        return platformApps.find(authConfig.provider).orElseThrow(() -> new UnavailableException("The platform's OAuth app for '"
                + authConfig.provider + "' is no longer configured; ask the operator of this Latchkey to restore it."));
    }

    /** {@link #resolve(KnownAuthConfig)} of {@code tenant}'s auth config {@code id}, which must still be known. */
    public Uni<Resolved> resolve(String tenant, UUID id) {
        return Panache.withSession(() -> authConfigs.findInTenant(tenant, id))
                .onItem().ifNull().failWith(() -> new IllegalStateException("auth config " + id + " is gone"))
                .chain(this::resolve);
    }
}
