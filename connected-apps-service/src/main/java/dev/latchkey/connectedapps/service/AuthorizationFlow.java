package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.catalog.auth.FormUrlEncoding;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.latchkey.platform.consumer.IdempotentConsumer.execute;

/**
 * The OAuth2 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636 S256): starts with a single-use state,
 * ends at the callback with the code exchanged for tokens that go to the secret store.
 */
@ApplicationScoped
public class AuthorizationFlow {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REMEMBER = """
            INSERT INTO authorizations (state, tenant, connection_id, actor, code_verifier, redirect_uri, expires_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""";
    /** Takes a state once: a second callback with it, or one after it expired, finds nothing. */
    private static final String TAKE = """
            UPDATE authorizations SET used_at = now() WHERE state = ?1 AND used_at IS NULL AND expires_at > now()
            RETURNING tenant, connection_id, actor, code_verifier, redirect_uri""";

    private final ConnectionsConfig config;
    private final ConnectionRepository connections;
    private final SecretStore secrets;
    private final GuardedHttp http;
    private final ConnectionEventWriter events;

    public AuthorizationFlow(ConnectionsConfig config, ConnectionRepository connections, SecretStore secrets, GuardedHttp http,
            ConnectionEventWriter events) {
        this.config = config;
        this.connections = connections;
        this.secrets = secrets;
        this.http = http;
        this.events = events;
    }

    public String redirectUri() {
        return config.publicBaseUrl().replaceFirst("/+$", "") + "/oauth/callback";
    }

    /** Records a new authorization request in the current transaction; returns the URL to send the user to. */
    Uni<String> start(Connection connection, String actor, OAuthApp app) {
        String state = random(32);
        String verifier = random(48);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri());
        if (!app.scopes().isEmpty()) {
            query.put("scope", String.join(app.scopeSeparator(), app.scopes()));
        }
        query.put("state", state);
        if (app.pkce()) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        query.putAll(app.authorizationParams());
        String url = app.authorizationUrl() + (app.authorizationUrl().contains("?") ? "&" : "?") + FormUrlEncoding.encode(query);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(config.stateLifetime());
        return execute(REMEMBER, state, connection.tenant, connection.id, actor, verifier, redirectUri(), expires).replaceWith(url);
    }

    /**
     * Completes a flow: takes the state (once), exchanges the code with the verifier, stores the tokens and makes
     * the connection ACTIVE.
     *
     * @throws InvalidStateException when the state is unknown, used or expired
     */
    public Uni<Connection> complete(String state, String code, OAuthAppResolver apps) {
        Context requestContext = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(TAKE)
                        .setParameter(1, state).getResultList()))
                .map(rows -> rows.isEmpty() ? null : (Object[]) rows.get(0))
                .onItem().ifNull().failWith(InvalidStateException::new)
                .chain(row -> Panache.withSession(() -> connections.findInTenant((String) row[0], (UUID) row[1]))
                        .chain(connection -> apps.resolve(connection).chain(resolved -> exchange(resolved, code, (String) row[3],
                                        (String) row[4]))
                                .emitOn(command -> requestContext.runOnContext(ignored -> command.run()))
                                .chain(tokens -> authorized(connection, (String) row[2], tokens))));
    }

    private Uni<TokenResponse> exchange(OAuthAppResolver.Resolved resolved, String code, String verifier, String redirectUri) {
        OAuthApp app = resolved.app();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        form.putAll(app.tokenParams());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        app.tokenRequestAuth().authenticate(app.clientId(), resolved.clientSecret(), form, headers);
        return http.send("POST", URI.create(app.tokenUrl()), headers, FormUrlEncoding.encode(form), config.tokenTimeout())
                .map(response -> TokenResponse.of(response.statusCode(), parse(response), app));
    }

    private Uni<Connection> authorized(Connection pending, String actor, TokenResponse tokens) {
        SecretPath path = SecretPath.connection(pending.tenant, pending.id);
        if (!tokens.ok()) {
            return Panache.withTransaction(() -> connections.findInTenant(pending.tenant, pending.id)
                    .call(connection -> events.authorizationFailed(actor, connection, tokens.error(), tokens.errorDescription())))
                    .chain(connection -> Uni.createFrom().failure(new ProviderRefusedException(tokens.error(), tokens.errorDescription())));
        }
        return secrets.versions(path).chain(versions -> secrets.write(path, tokens.secretFields(),
                        versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version()))
                .chain(version -> Panache.withTransaction(() -> connections.findInTenant(pending.tenant, pending.id).call(connection -> {
                    connection.status = ConnectionStatus.ACTIVE;
                    connection.secretVersion = version;
                    connection.secretFields = tokens.secretFields().keySet().toArray(String[]::new);
                    connection.expiresAt = tokens.expiresAt();
                    connection.grantedScopes = tokens.grantedScopes().toArray(String[]::new);
                    connection.config = new LinkedHashMap<>(connection.config);
                    connection.config.putAll(tokens.metadata());
                    connection.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return connections.flush().call(() -> events.authorized(actor, connection, tokens.secretFields().containsKey("refreshToken")));
                })));
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** An unknown, used or expired state: nothing changes. */
    public static class InvalidStateException extends RuntimeException {
        public InvalidStateException() {
            super("This sign-in link is unknown, was already used, or expired. Start connecting again.");
        }
    }

    /** The provider refused the code exchange. */
    public static class ProviderRefusedException extends RuntimeException {
        private final String error;

        public ProviderRefusedException(String error, String description) {
            super(description == null || description.isBlank() ? error : error + ": " + description);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
