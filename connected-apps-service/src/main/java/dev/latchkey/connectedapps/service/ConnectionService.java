package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.FormValidator;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.domain.KnownAuthConfig;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionFilter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.connectedapps.repository.KnownAuthConfigRepository;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes, reads, edits and deletes connections, and hands out their credentials. Secret fields go to the secret
 * store (pinned by version), the rest to the table; each change and its event commit in one transaction.
 */
@ApplicationScoped
public class ConnectionService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ConnectionRepository connections;
    private final KnownAuthConfigRepository authConfigs;
    private final Catalog catalog;
    private final SecretStore secrets;
    private final ConnectionEventWriter events;
    private final AuthorizationFlow flow;

    public ConnectionService(ConnectionRepository connections, KnownAuthConfigRepository authConfigs, Catalog catalog,
            SecretStore secrets, ConnectionEventWriter events, AuthorizationFlow flow) {
        this.flow = flow;
        this.connections = connections;
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.secrets = secrets;
        this.events = events;
    }

    /** A connection just made, and for OAuth2 the URL the user authorizes it at. */
    public record Created(Connection connection, String authorizationUrl) {
    }

    public Uni<Created> create(Caller caller, NewConnection request) {
        UUID id = UUID.randomUUID();
        SecretPath path = SecretPath.connection(caller.tenant(), id);
        return Panache.withSession(() -> authConfigs.findInTenant(caller.tenant(), request.authConfigId()))
                .onItem().ifNull().failWith(() -> invalid("authConfigId", "is not an auth config of your tenant"))
                .chain(authConfig -> {
                    Connection connection = newConnection(caller, id, request, authConfig);
                    if (AuthType.of(authConfig.authType) == AuthType.OAUTH2) {
                        connection.status = ConnectionStatus.PENDING;
                        OAuthApp app = OAuthAppResolver.app(authConfig, catalog);
                        return Panache.withTransaction(() -> connections.persist(connection)
                                .chain(() -> flow.start(connection, caller.actor(), app))
                                .call(() -> events.created(caller, connection)))
                                .map(url -> new Created(connection, url));
                    }
                    Map<String, String> values = secretValues(request.credentials(), List.of(connection.secretFields));
                    Uni<Long> secretVersion = values.isEmpty() ? Uni.createFrom().item(0L) : secrets.write(path, values, 0);
                    return secretVersion.invoke(version -> connection.secretVersion = version)
                            .chain(() -> Panache.withTransaction(() -> connections.persist(connection)
                                    .call(() -> events.created(caller, connection))))
                            .onFailure().call(() -> values.isEmpty() ? Uni.createFrom().voidItem() : secrets.destroy(path))
                            .map(created -> new Created(connection, null));
                });
    }

    public Uni<Connection> get(Caller caller, UUID id) {
        return Panache.withSession(() -> found(caller, id));
    }

    public Uni<List<Connection>> list(ConnectionFilter filter, int limit) {
        return Panache.withSession(() -> connections.page(filter, limit));
    }

    public Uni<Connection> update(Caller caller, UUID id, ConnectionChanges changes) {
        return Panache.withTransaction(() -> found(caller, id).chain(connection -> {
            List<String> changed = new ArrayList<>();
            if (changes.name() != null && !changes.name().strip().equals(connection.name)) {
                connection.name = changes.name().strip();
                changed.add("name");
            }
            if (changes.metadata() != null) {
                connection.metadata = JSON.convertValue(changes.metadata(), MAP);
                changed.add("metadata");
            }
            connection.updatedAt = now();
            return connections.flush().replaceWith(connection).call(() -> events.updated(caller, connection, changed));
        }));
    }

    /** Deletes a connection and destroys its secret. */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> found(caller, id)
                        .call(connection -> connections.delete(connection).call(() -> events.deleted(caller, connection))))
                .chain(() -> secrets.destroy(SecretPath.connection(caller.tenant(), id)));
    }

    /** Starts the OAuth2 flow again for an existing connection (a revoked grant, new scopes); returns where to go. */
    public Uni<String> reauthorize(Caller caller, UUID id) {
        return Panache.withTransaction(() -> found(caller, id).chain(connection -> {
            if (AuthType.of(connection.authType) != AuthType.OAUTH2) {
                throw new ConflictException("Only an OAuth2 connection is authorized at its provider.");
            }
            return authConfigs.findInTenant(caller.tenant(), connection.authConfigId)
                    .onItem().ifNull().failWith(() -> new ConflictException("The connection's auth config was deleted."))
                    .chain(authConfig -> flow.start(connection, caller.actor(), OAuthAppResolver.app(authConfig, catalog)));
        }));
    }

    /**
     * The connection's credentials as they are now: its auth config's fields, overridden by its own. Every read
     * is an {@code access.credentials_read} event and the connection's last use. A connection that is not ACTIVE
     * has none to give: a 409 that says how to fix it.
     */
    public Uni<ConnectionCredentials> credentials(Caller caller, UUID id) {
        return Panache.withTransaction(() -> found(caller, id).invoke(ConnectionService::refuseUnlessActive).call(connection -> {
            connection.lastUsedAt = now();
            return connections.flush().call(() -> events.credentialsRead(caller, connection));
        })).chain(connection -> Panache.withSession(() -> authConfigs.findInTenant(caller.tenant(), connection.authConfigId))
                .chain(authConfig -> merged(connection, authConfig)));
    }

    private Uni<ConnectionCredentials> merged(Connection connection, KnownAuthConfig authConfig) {
        Uni<Map<String, String>> ownSecrets = connection.secretVersion == 0 ? Uni.createFrom().item(Map.of())
                : secrets.read(SecretPath.connection(connection.tenant, connection.id), connection.secretVersion).map(secret -> secret.fields());
        if (AuthType.of(connection.authType) == AuthType.OAUTH2) {
            return ownSecrets.map(own -> oauthCredentials(connection, own));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (authConfig != null) {
            fields.putAll(authConfig.config);
        }
        Uni<Map<String, String>> authConfigSecrets = authConfig == null || authConfig.sealedFields.length == 0
                ? Uni.createFrom().item(Map.of())
                : secrets.read(SecretPath.authConfig(connection.tenant, connection.authConfigId)).map(secret -> secret.fields())
                        .onFailure(SecretNotFoundException.class).recoverWithItem(Map.of());
        return authConfigSecrets.chain(inherited -> ownSecrets.map(own -> {
            fields.putAll(inherited);
            fields.putAll(connection.config);
            fields.putAll(own);
            return new ConnectionCredentials(connection.id, connection.authType, connection.provider, connection.environment, fields);
        }));
    }

    /**
     * What a caller of an OAuth2 account needs: the access token, when it expires, and the provider's extras (an
     * instance URL). Never the refresh token or the client secret: Latchkey alone refreshes.
     */
    private static ConnectionCredentials oauthCredentials(Connection connection, Map<String, String> tokens) {
        Map<String, Object> fields = new LinkedHashMap<>(connection.config);
        fields.put("accessToken", tokens.get("accessToken"));
        if (connection.expiresAt != null) {
            fields.put("expiresAt", connection.expiresAt.toString());
        }
        return new ConnectionCredentials(connection.id, connection.authType, connection.provider, connection.environment, fields);
    }

    private static void refuseUnlessActive(Connection connection) {
        switch (connection.status) {
            case ACTIVE -> {
            }
            case PENDING -> throw new ConflictException("The connection is not authorized yet: finish the authorization,"
                    + " or start it again with POST /api/v1/connections/" + connection.id + "/reauthorize.");
            case EXPIRED -> throw new ConflictException("The connection's authorization expired: authorize it again with"
                    + " POST /api/v1/connections/" + connection.id + "/reauthorize.");
            case ERROR -> throw new ConflictException("The connection is in error; test or reauthorize it.");
        }
    }

    private Connection newConnection(Caller caller, UUID id, NewConnection request, KnownAuthConfig authConfig) {
        AuthType type = AuthType.of(authConfig.authType);
        if (type == AuthType.OAUTH2_CLIENT_CREDENTIALS) {
            throw invalid("authConfigId", "client-credentials connections are not offered yet; authorization-code,"
                    + " key, token, password and native connections are");
        }
        Optional<AuthOption> option = Optional.ofNullable(authConfig.provider).flatMap(catalog::find)
                .flatMap(entry -> entry.option(type));
        CredentialForm form = ConnectionForms.of(authConfig, option);
        ObjectNode credentials = request.credentials() == null ? JSON.createObjectNode() : request.credentials();
        validate(form, credentials);
        Instant now = now();
        Connection connection = new Connection();
        connection.id = id;
        connection.tenant = caller.tenant();
        connection.authConfigId = authConfig.id;
        connection.name = request.name().strip();
        connection.environment = request.environment();
        connection.endUserId = request.endUserId();
        connection.metadata = request.metadata() == null ? Map.of() : JSON.convertValue(request.metadata(), MAP);
        connection.status = ConnectionStatus.ACTIVE;
        connection.provider = authConfig.provider;
        connection.authType = authConfig.authType;
        connection.config = new LinkedHashMap<>();
        List<String> secretFields = new ArrayList<>();
        credentials.fields().forEachRemaining(field -> {
            if (form.secretNames().contains(field.getKey())) {
                secretFields.add(field.getKey());
            } else {
                connection.config.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
            }
        });
        connection.secretFields = secretFields.toArray(String[]::new);
        connection.createdBy = caller.actor();
        connection.createdAt = now;
        connection.updatedAt = now;
        return connection;
    }

    /** The request's secret fields: split from the plain ones by the form, before anything is stored. */
    private static Map<String, String> secretValues(ObjectNode credentials, List<String> secretFields) {
        Map<String, String> values = new LinkedHashMap<>();
        secretFields.forEach(field -> values.put(field, credentials.get(field).asText()));
        return values;
    }

    private static void validate(CredentialForm form, ObjectNode credentials) {
        ObjectNode plain = credentials.deepCopy();
        ObjectNode secret = JSON.createObjectNode();
        form.secretNames().forEach(name -> {
            if (plain.has(name)) {
                secret.set(name, plain.remove(name));
            }
        });
        List<FieldError> errors = new ArrayList<>();
        FormValidator.errors("credentials", form.config(), plain).forEach(p -> errors.add(new FieldError(p.field(), p.message())));
        FormValidator.errors("credentials", form.secrets(), secret).forEach(p -> errors.add(new FieldError(p.field(), p.message())));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The request has invalid fields.", errors);
        }
    }

    private Uni<Connection> found(Caller caller, UUID id) {
        return connections.findInTenant(caller.tenant(), id).onItem().ifNull().failWith(NotFoundException::new);
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException("The request has invalid fields.", List.of(new FieldError(field, message)));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
