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
import dev.latchkey.gateway.repository.CallableConnections;
import dev.latchkey.gateway.repository.CallableConnections.Callable;
import dev.latchkey.knownauthconfigs.ConnectionFields;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem;
import dev.latchkey.secrets.SecretNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection's API as a call through it needs it: the catalog entry's API client rendered with the connection's
 * parameters and credentials applied the way its auth option says ({@link AuthorizedRequest}). A connection that
 * cannot be called says why, and what to do.
 */
@ApplicationScoped
public class ConnectionApis {

    private final CallableConnections connections;
    private final ConnectionFields fields;
    private final Catalog catalog;

    public ConnectionApis(CallableConnections connections, ConnectionFields fields, Catalog catalog) {
        this.connections = connections;
        this.fields = fields;
        this.catalog = catalog;
    }

    /** The API of a connection, ready to call. */
    public record ConnectionApi(UUID connectionId, String environment, AuthorizedRequest request) {
    }

    /** The tenant's connection's API; a 404 when the tenant has no such connection. */
    public Uni<ConnectionApi> of(String tenant, UUID id) {
        return connections.get(tenant, id).chain(connection -> {
            Scheme scheme = scheme(connection);
            return fields.read(new ConnectionFields.Source(tenant, id, connection.authConfig(), connection.config(),
                            connection.secretVersion(), scheme.option().type().tokenBased(), connection.expiresAt()))
                    .onFailure(SecretNotFoundException.class).transform(gone -> CallRefusedException.notCallable(
                            "The connection's stored credentials are gone; authorize it again or make it anew."))
                    .map(read -> new ConnectionApi(id, connection.environment(), scheme.request(withAuthConfig(connection, read))));
        });
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

    /** The catalog entry's API and the auth option a connection uses. */
    private record Scheme(ApiClient api, AuthOption option) {

        AuthorizedRequest request(Map<String, Object> fields) {
            Map<String, String> secretValues = new HashMap<>();
            fields.forEach((name, value) -> secretValues.put(name, String.valueOf(value)));
            try {
                return AuthorizedRequest.of(api, option, TemplateValues.of(option, fields, secretValues));
            } catch (TemplateException e) {
                throw CallRefusedException.notCallable("The connection lacks what its API's address or credentials need: "
                        + e.getMessage());
            }
        }
    }

    private Scheme scheme(Callable connection) {
        refuseUnlessActive(connection);
        if (connection.authConfig() == null) {
            throw CallRefusedException.notCallable("The connection's auth config was deleted, so it has no credentials to"
                    + " call with; make a new connection from an existing auth config.");
        }
        String provider = connection.authConfig().provider;
        CatalogEntry entry = provider == null ? null : catalog.find(provider).orElse(null);
        AuthOption option = entry == null ? null : entry.option(AuthType.of(connection.authType())).orElse(null);
        if (option == null || entry.api().isEmpty() && !(option instanceof Native)) {
            throw CallRefusedException.notCallable("The connection's auth config names no API to call: the gateway calls"
                    + " the APIs of catalog entries; read a custom auth config's credentials with"
                    + " GET /api/v1/connections/" + connection.id() + "/credentials instead.");
        }
        if (option instanceof Native) {
            throw new InvalidInputException("A native connector's system (a database, a broker, a file server) is not"
                    + " an HTTP API: it is not called through the gateway.", List.of(new Problem.FieldError("connectionId",
                    "is a native connector's connection")));
        }
        if (option instanceof Digest) {
            throw new CallRefusedException(501, "not-implemented", "Not implemented", "The gateway does not answer"
                    + " HTTP Digest challenges yet; read the connection's credentials instead.");
        }
        return new Scheme(entry.api().get(), option);
    }

    private static void refuseUnlessActive(Callable connection) {
        switch (connection.status()) {
            case "ACTIVE" -> {
            }
            case "PENDING" -> throw CallRefusedException.notCallable("The connection is not authorized yet: finish the"
                    + " authorization, or start it again with POST /api/v1/connections/" + connection.id() + "/reauthorize.");
            case "EXPIRED" -> throw CallRefusedException.notCallable("The connection's authorization expired: authorize it"
                    + " again with POST /api/v1/connections/" + connection.id() + "/reauthorize.");
            default -> throw CallRefusedException.notCallable("The connection is in error; test or reauthorize it.");
        }
    }
}
