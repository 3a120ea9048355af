package dev.latchkey.gateway.service;

import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.AuthorizedRequest;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.CatalogEntry;
import dev.latchkey.catalog.TemplateException;
import dev.latchkey.catalog.TemplateValues;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Digest;
import dev.latchkey.catalog.auth.Native;
import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.gateway.repository.CallableConnections;
import dev.latchkey.gateway.repository.CallableConnections.Callable;
import dev.latchkey.knownauthconfigs.ConnectionFields;
import dev.latchkey.oauth.RefreshMargin;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem;
import dev.latchkey.secrets.SecretNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection's API as a call through it needs it: the catalog entry's API client (or a custom auth config's,
 * {@link CustomSchemes}) rendered with the connection's parameters and credentials applied the way its auth option says
 * ({@link AuthorizedRequest}). A connection that cannot be called says why, and what to do.
 */
@ApplicationScoped
public class ConnectionApis {

    private final CallableConnections connections;
    private final ConnectionFields fields;
    private final Catalog catalog;
    private final KeptApis kept;
    private final Duration refreshMargin;

    public ConnectionApis(CallableConnections connections, ConnectionFields fields, Catalog catalog, KeptApis kept,
            GatewayConfig config) {
        this.connections = connections;
        this.fields = fields;
        this.catalog = catalog;
        this.kept = kept;
        this.refreshMargin = config.refreshMargin();
    }

    /**
     * The API of a connection, ready to call.
     *
     * @param refreshAt when its token is due for a refresh (OAuth2), null for credentials that do not expire
     * @param expiresAt when its token expires (OAuth2), null otherwise
     * @param provider  the catalog entry's key, {@code custom} for a custom auth config
     * @param digest    the user, password and last challenge of a Digest connection, null for other schemes
     * @param config    the connection's plain parameters as template values ({@code config.<name>}), for its actions
     */
    public record ConnectionApi(String tenant, UUID connectionId, UUID authConfigId, String provider, String environment,
                                AuthorizedRequest request, boolean tokenBased, Instant refreshAt, Instant expiresAt,
                                DigestSession digest, Map<String, String> config) {

        boolean due() {
            return refreshAt != null && !refreshAt.isAfter(Instant.now());
        }

        boolean expired() {
            return expiresAt != null && !expiresAt.isAfter(Instant.now());
        }
    }

    /** The tenant's connection's API, kept or read; a 404 when the tenant has no such connection. */
    public Uni<ConnectionApi> of(String tenant, UUID id) {
        return kept.get(tenant, id, () -> read(tenant, id));
    }

    /** The API as stored now, never a kept one: after token-refresher renewed its token. */
    Uni<ConnectionApi> renewed(String tenant, UUID id) {
        kept.forget(tenant, id);
        return of(tenant, id);
    }

    private Uni<ConnectionApi> read(String tenant, UUID id) {
        return connections.get(tenant, id).chain(connection -> {
            Scheme scheme = scheme(connection);
            return fields.read(new ConnectionFields.Source(tenant, id, connection.authConfig(), connection.config(),
                            connection.secretVersion(), scheme.option().type().tokenBased(), connection.expiresAt()))
                    .onFailure(SecretNotFoundException.class).transform(gone -> CallRefusedException.notCallable(
                            "The connection's stored credentials are gone; authorize it again or make it anew."))
                    .map(read -> {
                        Map<String, String> values = scheme.values(withAuthConfig(connection, read));
                        String provider = connection.authConfig().provider;
                        return new ConnectionApi(tenant, id, connection.authConfig().id, provider == null ? "custom" : provider,
                                connection.environment(), scheme.request(values), scheme.option().type().tokenBased(),
                                RefreshMargin.refreshAt(refreshMargin, connection.tokenAt(), connection.expiresAt()),
                                connection.expiresAt(), scheme.digest(values), plain(values));
                    });
        });
    }

    /** The template values that hold no secret: {@code config.<name>}, never {@code credentials.<name>}. */
    private static Map<String, String> plain(Map<String, String> values) {
        Map<String, String> plain = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("config.")) {
                plain.put(name, value);
            }
        });
        return Map.copyOf(plain);
    }

    /**
     * The connection's fields over its auth config's plain ones: an OAuth2 account's fields are its own and its token,
     * while what its API's address needs may be the auth config's (a self-managed GitLab's host).
     */
    private static Map<String, Object> withAuthConfig(Callable connection, Map<String, Object> read) {
        Map<String, Object> fields = new HashMap<>(connection.authConfig().config);
        fields.putAll(read);
        return fields;
    }

    /** The API a connection calls (its catalog entry's, or its custom auth config's) and the auth option it uses. */
    record Scheme(ApiClient api, AuthOption option) {

        /** The template values of a connection with these fields ({@link TemplateValues}). */
        Map<String, String> values(Map<String, Object> fields) {
            Map<String, String> secretValues = new HashMap<>();
            fields.forEach((name, value) -> secretValues.put(name, String.valueOf(value)));
            return TemplateValues.of(option, fields, secretValues);
        }

        AuthorizedRequest request(Map<String, String> values) {
            try {
                return AuthorizedRequest.of(api, option, values);
            } catch (TemplateException e) {
                throw CallRefusedException.notCallable("The connection lacks what its API's address or credentials need: "
                        + e.getMessage());
            }
        }

        /** Digest's credentials answer the server's challenge instead of riding on every request. */
        DigestSession digest(Map<String, String> values) {
            return option instanceof Digest ? new DigestSession(values.getOrDefault("credentials.username", ""),
                    values.getOrDefault("credentials.password", "")) : null;
        }
    }

    private Scheme scheme(Callable connection) {
        refuseUnlessActive(connection);
        if (connection.authConfig() == null) {
            throw CallRefusedException.notCallable("The connection's auth config was deleted, so it has no credentials to"
                    + " call with; make a new connection from an existing auth config.");
        }
        String provider = connection.authConfig().provider;
        if (provider == null) {
            return CustomSchemes.of(connection.authConfig());
        }
        CatalogEntry entry = catalog.find(provider).orElse(null);
        AuthOption option = entry == null ? null : entry.option(AuthType.of(connection.authType())).orElse(null);
        if (option == null || entry.api().isEmpty() && !(option instanceof Native)) {
            throw CallRefusedException.notCallable("The connection's catalog entry names no API to call; read its"
                    + " credentials with GET /api/v1/connections/" + connection.id() + "/credentials instead.");
        }
        if (option instanceof Native) {
            throw new InvalidInputException("A native connector's system (a database, a broker, a file server) is not"
                    + " an HTTP API: it is not called through the gateway.", List.of(new Problem.FieldError("connectionId",
                    "is a native connector's connection")));
        }
        return new Scheme(entry.api().get(), option);
    }

    private static void refuseUnlessActive(Callable connection) {
        switch (connection.status()) {
            case "ACTIVE" -> {
            }
            case "PENDING" -> throw CallRefusedException.notCallable("The connection is not authorized yet: finish the"
                    + " authorization, or start it again with POST /api/v1/connections/" + connection.id() + "/reauthorize.");
            case "EXPIRED" -> throw CallRefusedException.notCallable(AuthType.of(connection.authType()).tokenBased()
                    ? "The connection's authorization expired: authorize it again with POST /api/v1/connections/"
                            + connection.id() + "/reauthorize."
                    : "The connection's credentials expired: replace them with PATCH /api/v1/connections/" + connection.id() + ".");
            default -> throw CallRefusedException.notCallable("The connection is in error; test or reauthorize it.");
        }
    }
}
