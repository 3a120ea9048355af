package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.FormValidator;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionFilter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.connectedapps.repository.ViewedConnections;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.knownauthconfigs.OAuthClients;
import dev.latchkey.oauth.TokenEndpoint;
import dev.latchkey.oauth.TokenRequest;
import dev.latchkey.oauth.TokenResponse;
import dev.latchkey.platform.expiry.SecretExpiry;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.PreconditionFailedException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.probes.ProbeResult;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Makes, reads, edits and deletes connections. Secret fields go to the secret store, the rest to the table; each
 * change and its event commit in one transaction.
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
    private final OAuthClients clients;
    private final TokenEndpoint tokenEndpoint;
    private final TokenRevocation revocation;
    private final ConnectionsConfig config;
    private final ConnectionTokens tokens;
    private final StoredCredentials stored;
    private final ViewedConnections viewed;
    private final Toolkits toolkits;
    private final ConnectionTester tester;
    private final CredentialReplacement credentials;
    private final AllowedOrigins allowedOrigins;
    private final ConnectionExpiry expiry;

    public ConnectionService(ConnectionRepository connections, KnownAuthConfigRepository authConfigs, Catalog catalog,
            SecretStore secrets, ConnectionEventWriter events, AuthorizationFlow flow, OAuthClients clients,
            TokenEndpoint tokenEndpoint, TokenRevocation revocation, ConnectionsConfig config, ConnectionTokens tokens,
            StoredCredentials stored, ViewedConnections viewed, Toolkits toolkits, ConnectionTester tester,
            CredentialReplacement credentials, AllowedOrigins allowedOrigins, ConnectionExpiry expiry) {
        this.allowedOrigins = allowedOrigins;
        this.expiry = expiry;
        this.tester = tester;
        this.credentials = credentials;
        this.config = config;
        this.toolkits = toolkits;
        this.stored = stored;
        this.viewed = viewed;
        this.tokens = tokens;
        this.connections = connections;
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.secrets = secrets;
        this.events = events;
        this.flow = flow;
        this.clients = clients;
        this.tokenEndpoint = tokenEndpoint;
        this.revocation = revocation;
    }

    /** A connection just made, and for OAuth2 the URL the user authorizes it at. */
    public record Created(Connection connection, String authorizationUrl) {
    }

    /**
     * Makes a connection for {@code tenant}, on behalf of {@code actor}: OAuth2 authorization code starts PENDING
     * (the user lands on {@code returnUrl} afterwards, or on a page when it is null; {@code browserHash} binds the
     * flow to the connect page's browser, null to none), client credentials fetch their token now, every other
     * scheme is ACTIVE with the credentials given. A request's own {@code redirectUri} must be of one of the tenant's
     * allowed origins, as a connect link's return URL must.
     */
    public Uni<Created> create(String tenant, String actor, NewConnection request, String returnUrl, String browserHash) {
        Uni<Void> redirectAllowed = request.redirectUri() == null ? Uni.createFrom().voidItem()
                : allowedOrigins.requireAllowed(tenant, request.redirectUri(), "redirectUri");
        return redirectAllowed.chain(() -> Panache.withSession(() -> authConfigs.findInTenant(tenant, request.authConfigId())))
                .onItem().ifNull().failWith(() -> invalid("authConfigId", "is not an auth config of your tenant"))
                .chain(authConfig -> {
                    Connection connection = newConnection(tenant, actor, request, authConfig);
                    return switch (AuthType.of(authConfig.authType)) {
                        case OAUTH2 -> {
                            connection.status = ConnectionStatus.PENDING;
                            yield Panache.withTransaction(() -> holdAuthConfig(connection).chain(() -> connections.persist(connection))
                                            .chain(() -> flow.start(connection, actor, clients.client(authConfig), returnUrl,
                                                    browserHash))
                                            .call(() -> events.created(actor, connection)))
                                    .map(url -> new Created(connection, url));
                        }
                        case OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT_BEARER -> withClientCredentials(connection, actor, authConfig);
                        default -> withCredentials(connection, actor, request.credentials());
                    };
                });
    }

    /**
     * Tests a connection before it is made (a connect form's "Test"): the body of a create, checked as a create checks
     * it, tested as a made connection is, with its credentials over its auth config's; nothing is stored, no event. An
     * OAuth2 connection is proved by its authorization (or its token request), not by a test: that is the answer.
     */
    public Uni<ProbeResult> testDraft(Caller caller, NewConnection request) {
        return Panache.withSession(() -> authConfigs.findInTenant(caller.tenant(), request.authConfigId()))
                .onItem().ifNull().failWith(() -> invalid("authConfigId", "is not an auth config of your tenant"))
                .chain(authConfig -> {
                    Connection unsaved = newConnection(caller.tenant(), caller.actor(), request, authConfig);
                    AuthType type = AuthType.of(authConfig.authType);
                    if (type.tokenBased()) {
                        return Uni.createFrom().item(ProbeResult.untested("an OAuth2 connection is proved when it is made:"
                                + " by the user's authorization, or by its token request for client credentials and JWT bearer"));
                    }
                    return tester.testUnsaved(caller, unsaved, authConfig, request.credentials());
                });
    }

    /** Fetches the client's token (RFC 6749 §4.4) before anything is stored: a refusal leaves nothing behind. */
    private Uni<Created> withClientCredentials(Connection connection, String actor, KnownAuthConfig authConfig) {
        return clientToken(authConfig)
                .chain(response -> {
                    SecretPath path = SecretPath.connection(connection.tenant, connection.id);
                    return secrets.write(path, response.secretFields(), 0)
                            .chain(version -> Panache.withTransaction(() -> {
                                ConnectionTokens.apply(connection, response, version);
                                return holdAuthConfig(connection).chain(() -> connections.persist(connection))
                                        .call(() -> events.created(actor, connection))
                                        .call(() -> events.authorized(actor, connection, true));
                            }))
                            .onFailure().call(() -> secrets.destroy(path))
                            .map(created -> new Created(connection, null));
                });
    }

    private Uni<Created> withCredentials(Connection connection, String actor, ObjectNode credentials) {
        SecretPath path = SecretPath.connection(connection.tenant, connection.id);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : connection.secretFields) {
            values.put(field, credentials.get(field).asText());
        }
        Uni<Long> secretVersion = values.isEmpty() ? Uni.createFrom().item(0L) : secrets.write(path, values, 0);
        return secretVersion.invoke(version -> connection.secretVersion = version)
                .chain(() -> Panache.withTransaction(() -> holdAuthConfig(connection).chain(() -> connections.persist(connection))
                        .call(() -> events.created(actor, connection))))
                .onFailure().call(() -> values.isEmpty() ? Uni.createFrom().voidItem() : secrets.destroy(path))
                .map(created -> new Created(connection, null));
    }

    /**
     * Holds the connection's auth config until the transaction that stores the connection commits: one retired since
     * it was looked up (its deletion won the race) refuses the connection, and one held cannot be retired meanwhile.
     */
    private Uni<Void> holdAuthConfig(Connection connection) {
        return authConfigs.holdForNewConnection(connection.tenant, connection.authConfigId)
                .onItem().ifNull().failWith(() -> invalid("authConfigId", "is not an auth config of your tenant"))
                .replaceWithVoid();
    }

    public Uni<Connection> get(Caller caller, UUID id) {
        return viewed.get(caller.tenant(), id);
    }

    public Uni<List<Connection>> list(ConnectionFilter filter, int size) {
        return viewed.page(filter, size);
    }

    /**
     * Changes a connection at the version {@code expectedVersion} names (none: whatever it is now); new credentials are
     * written as a new secret version before the row is stored.
     */
    public Uni<Connection> update(Caller caller, UUID id, OptionalLong expectedVersion, ConnectionChanges changes) {
        SecretExpiry secretExpiry = SecretExpiry.read(changes.secretExpiresAt(), now());
        return Panache.withTransaction(() -> connections.getForUpdate(caller.tenant(), id).chain(connection -> {
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != connection.version) {
                throw new PreconditionFailedException("The connection changed since version " + expectedVersion.getAsLong()
                        + "; it is at version " + connection.version + ". Read it again and retry.");
            }
            Uni<Void> credentialsReplaced = changes.credentials() == null ? Uni.createFrom().voidItem()
                    : credentials.apply(connection, changes.credentials());
            return credentialsReplaced.chain(() -> changed(caller, connection, changes, secretExpiry));
        })).invoke(() -> stored.forget(id));
    }

    /**
     * The row's own changes, the credentials' name among them when they were replaced; the event names each. New
     * credentials end when the change says, or at no known time: the old end was the old credentials'.
     */
    private Uni<Connection> changed(Caller caller, Connection connection, ConnectionChanges changes, SecretExpiry secretExpiry) {
        List<String> changed = new ArrayList<>();
        if (changes.name() != null && !changes.name().strip().equals(connection.name)) {
            connection.name = changes.name().strip();
            changed.add("name");
        }
        if (changes.metadata() != null) {
            connection.metadata = JSON.convertValue(changes.metadata(), MAP);
            changed.add("metadata");
        }
        if (changes.credentials() != null) {
            changed.add("credentials");
        }
        ConnectionStatus before = connection.status;
        if (secretExpiry.given() || changes.credentials() != null) {
            if (!Objects.equals(secretExpiry.at(), connection.secretExpiresAt)) {
                changed.add(SecretExpiry.FIELD);
            }
            expiry.renew(connection, secretExpiry, now());
        }
        connection.updatedAt = now();
        return connections.flush().replaceWith(connection).call(() -> events.updated(caller, connection, changed))
                .call(() -> connection.status == before ? Uni.createFrom().voidItem() : events.statusChanged(caller.actor(),
                        connection, before, changes.credentials() != null ? "the credentials were replaced"
                                : "the secret's end moved"));
    }

    /**
     * Deletes a connection: revokes its token at the provider where that is possible (a provider that refuses or
     * is down does not keep the connection alive), then removes the row, takes it out of the toolkits it was in and
     * destroys the secret.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withSession(() -> connections.get(caller.tenant(), id))
                .chain(revocation::revoke)
                .chain(revoked -> Panache.withTransaction(() -> connections.getForUpdate(caller.tenant(), id)
                        .call(connection -> connections.delete(connection).call(() -> events.deleted(caller, connection, revoked))
                                .call(() -> toolkits.withoutConnection(caller, id)))))
                .invoke(() -> stored.forget(id))
                .chain(() -> secrets.destroy(SecretPath.connection(caller.tenant(), id)));
    }

    /**
     * Authorizes an existing connection again (a revoked grant, new scopes): an OAuth2 authorization-code one
     * starts the flow and returns where to send the user; a client-credentials one fetches a new token now and
     * returns null.
     */
    public Uni<String> reauthorize(Caller caller, UUID id) {
        return Panache.withSession(() -> connections.get(caller.tenant(), id).chain(connection -> authConfigs.findInTenant(caller.tenant(), connection.authConfigId)
                        .onItem().ifNull().failWith(() -> new ConflictException("The connection's auth config was deleted."))
                        .map(authConfig -> new Authorizing(connection, authConfig))))
                .chain(authorizing -> switch (AuthType.of(authorizing.connection().authType)) {
                    case OAUTH2 -> Panache.withTransaction(() -> flow.start(authorizing.connection(), caller.actor(),
                            clients.client(authorizing.authConfig()), null, null));
                    case OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT_BEARER -> clientToken(authorizing.authConfig())
                            .chain(response -> tokens.store(authorizing.connection(), caller.actor(), response)).replaceWith((String) null);
                    default -> throw new ConflictException("Only an OAuth2 connection is authorized at its provider.");
                });
    }

    /** A connection being authorized again, and the auth config it is authorized with. */
    private record Authorizing(Connection connection, KnownAuthConfig authConfig) {
    }

    /**
     * A token the client gets alone: client credentials (RFC 6749 §4.4) or a JWT bearer grant signed with its key (RFC
     * 7523); a refusal is a 502 problem and changes nothing.
     */
    private Uni<TokenResponse> clientToken(KnownAuthConfig authConfig) {
        return clients.resolve(authConfig)
                .chain(resolved -> tokenEndpoint.token(TokenRequest.withoutUser(resolved.client(), resolved.clientSecret()),
                        resolved.client(), config.tokenTimeout()))
                .invoke(response -> {
                    if (!response.ok()) {
                        throw new UpstreamException("The provider refused the auth config's client credentials"
                                + " (or its signed assertion): " + response.problem());
                    }
                });
    }

    private Connection newConnection(String tenant, String actor, NewConnection request, KnownAuthConfig authConfig) {
        requireEnvironment(authConfig, request.environment());
        Instant now = now();
        SecretExpiry secretExpiry = SecretExpiry.read(request.secretExpiresAt(), now);
        CredentialForm form = ConnectionForms.of(authConfig, catalog);
        ObjectNode credentials = request.credentials() == null ? JSON.createObjectNode() : request.credentials();
        validate(form, credentials);
        DestinationOverrides.refuseBorrowedSecrets(authConfig, form, credentials);
        Connection connection = new Connection();
        connection.id = UUID.randomUUID();
        connection.tenant = tenant;
        connection.authConfigId = authConfig.id;
        connection.name = request.name().strip();
        connection.environment = request.environment();
        connection.endUserId = request.endUserId();
        connection.metadata = request.metadata() == null ? Map.of() : JSON.convertValue(request.metadata(), MAP);
        connection.status = ConnectionStatus.ACTIVE;
        connection.provider = authConfig.provider;
        connection.authType = authConfig.authType;
        ConnectionForms.Given given = ConnectionForms.Given.of(form, credentials);
        connection.config = given.plain();
        connection.secretFields = given.secrets().keySet().toArray(String[]::new);
        connection.missingScopes = new String[0];
        connection.createdBy = actor;
        connection.createdAt = now;
        connection.updatedAt = now;
        expiry.renew(connection, secretExpiry, now);
        return connection;
    }

    /** The credentials against the form: plain fields against its config schema, secret ones against its secrets. */
    static void validate(CredentialForm form, ObjectNode credentials) {
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

    /** An auth config that names an environment serves connections of that one only. */
    static void requireEnvironment(KnownAuthConfig authConfig, String environment) {
        if (!authConfig.serves(environment)) {
            throw invalid("environment", "must be " + authConfig.environment + ", the auth config's environment (an auth"
                    + " config without one serves every environment)");
        }
    }

    static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException("The request has invalid fields.", List.of(new FieldError(field, message)));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
