package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.FormUrlEncoding;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.AuthorizationRequest;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ServerMismatch;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.AuthorizationRepository;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.knownauthconfigs.OAuthClients;
import dev.latchkey.oauth.OAuthClient;
import dev.latchkey.oauth.TokenEndpoint;
import dev.latchkey.oauth.TokenRequest;
import dev.latchkey.oauth.TokenResponse;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth2 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636 S256): starts with a single-use state bound
 * to the authorization server it goes to, ends at the callback with the code exchanged for tokens that go to the
 * secret store. One callback serves every tenant and provider, so an answer is checked against the server its state
 * was made for before its code goes anywhere (mix-up defence, RFC 9700 §4.4, RFC 9207). A flow a connect page started
 * is bound to that browser as well: its answer must come with the page's cookie (CSRF, RFC 9700 §4.7).
 */
@ApplicationScoped
public class AuthorizationFlow {

    private final ConnectionsConfig config;
    private final AuthorizationRepository authorizations;
    private final ConnectionRepository connections;
    private final OAuthClients clients;
    private final TokenEndpoint tokenEndpoint;
    private final ConnectionTokens tokens;
    private final ConnectionEventWriter events;

    public AuthorizationFlow(ConnectionsConfig config, AuthorizationRepository authorizations, ConnectionRepository connections,
            OAuthClients clients, TokenEndpoint tokenEndpoint, ConnectionTokens tokens, ConnectionEventWriter events) {
        this.config = config;
        this.authorizations = authorizations;
        this.connections = connections;
        this.clients = clients;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.events = events;
    }

    /** How a flow ended: the connection, and the caller's return URL when a connect session started it. */
    public record Completed(Connection connection, String returnUrl) {
    }

    public String redirectUri() {
        return config.publicBaseUrl().replaceFirst("/+$", "") + "/oauth/callback";
    }

    /**
     * Records a new authorization request in the current transaction; returns the URL to send the user to.
     * {@code returnUrl} is where the user lands afterwards (connect sessions), null to show a page;
     * {@code browserHash} the hash of the connect page's cookie the answer must come with, null for none.
     */
    Uni<String> start(Connection connection, String actor, OAuthClient client, String returnUrl, String browserHash) {
        String state = OpaqueTokens.random(32);
        String verifier = client.pkce() ? OpaqueTokens.random(48) : null;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri());
        if (!client.scopes().isEmpty()) {
            query.put("scope", client.scope());
        }
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", OpaqueTokens.sha256(verifier));
            query.put("code_challenge_method", "S256");
        }
        query.putAll(client.authorizationParams());
        String url = client.authorizationUrl() + (client.authorizationUrl().contains("?") ? "&" : "?") + FormUrlEncoding.encode(query);
        var request = new AuthorizationRequest(connection.tenant, connection.id, actor, verifier, redirectUri(), returnUrl,
                client.issuer(), client.tokenUrl(), browserHash);
        return authorizations.persist(state, request, Instant.now().plus(config.stateLifetime())).replaceWith(url);
    }

    /**
     * Completes a flow: takes the state (once), checks that the answer belongs to the server the state was made for,
     * exchanges the code with the verifier, stores the tokens and makes the connection ACTIVE.
     *
     * @param issuer  the {@code iss} of the answer (RFC 9207), null when the provider sent none
     * @param browser the connect page's cookie the answer came with, null when none
     * @throws InvalidStateException    when the state is unknown, used or expired
     * @throws BrowserMismatchException when a connect page started the flow in another browser; no request is sent
     * @throws ServerMismatchException  when the answer is not the server's the state was made for; no request is sent
     * @throws ProviderRefusedException when the token endpoint refuses the code
     */
    public Uni<Completed> complete(String state, String code, String issuer, String browser) {
        return take(state, browser).chain(taken -> Panache.withSession(() -> connections.findInTenant(taken.tenant(), taken.connectionId()))
                .chain(connection -> clients.resolve(connection.tenant, connection.authConfigId)
                        .chain(resolved -> taken.mismatch(issuer, resolved.client().tokenUrl())
                                .map(mismatch -> mismatched(taken, mismatch))
                                .orElseGet(() -> exchange(connection, taken, resolved, code)))));
    }

    private Uni<Completed> exchange(Connection connection, AuthorizationRequest taken, OAuthClients.Resolved resolved, String code) {
        return tokenEndpoint.token(TokenRequest.authorizationCode(resolved.client(), resolved.clientSecret(), code,
                        taken.redirectUri(), taken.verifier()), resolved.client(), config.tokenTimeout())
                .chain(response -> response.ok()
                        ? tokens.store(connection, taken.actor(), response).map(stored -> new Completed(stored, taken.returnUrl()))
                        : refused(taken, response));
    }

    /**
     * The provider sent the user back with an error: the state is used up, the failure recorded; returns where the
     * user goes (the connect session's return URL), or null to show the page.
     */
    public Uni<String> failed(String state, String error, String description, String browser) {
        return take(state, browser).call(taken -> recordFailure(taken, error, description)).map(AuthorizationRequest::returnUrl);
    }

    /** Takes the state (once, whoever sends it); an answer from another browser than the one bound to it is refused. */
    private Uni<AuthorizationRequest> take(String state, String browser) {
        return Panache.withTransaction(() -> authorizations.take(state)).onItem().ifNull().failWith(InvalidStateException::new)
                .call(taken -> taken.sameBrowser(browser == null ? null : OpaqueTokens.sha256(browser)) ? Uni.createFrom().voidItem()
                        : recordFailure(taken, BrowserMismatchException.ERROR, BrowserMismatchException.EXPLANATION)
                                .chain(() -> Uni.createFrom().failure(new BrowserMismatchException())));
    }

    private Uni<Completed> refused(AuthorizationRequest taken, TokenResponse response) {
        return recordFailure(taken, response.error(), response.errorDescription())
                .chain(() -> Uni.createFrom().failure(new ProviderRefusedException(response.error(), response.problem(),
                        taken.returnUrl())));
    }

    private Uni<Completed> mismatched(AuthorizationRequest taken, ServerMismatch mismatch) {
        return recordFailure(taken, mismatch.error(), mismatch.explanation())
                .chain(() -> Uni.createFrom().failure(new ServerMismatchException(mismatch, taken.returnUrl())));
    }

    private Uni<Void> recordFailure(AuthorizationRequest taken, String error, String description) {
        return Panache.withTransaction(() -> connections.findInTenant(taken.tenant(), taken.connectionId())
                .chain(connection -> events.authorizationFailed(taken.actor(), connection, error, description)));
    }

    /** An unknown, used or expired state: nothing changes. */
    public static class InvalidStateException extends RuntimeException {
        public InvalidStateException() {
            super("This sign-in link is unknown, was already used, or expired. Start connecting again.");
        }
    }

    /**
     * The answer reached another browser than the one whose connect page started the flow (a code injected into a
     * victim's browser, or a link forwarded mid-flow): its code was not sent anywhere.
     */
    public static class BrowserMismatchException extends RuntimeException {
        static final String ERROR = "browser_mismatch";
        static final String EXPLANATION = "This sign-in was started in another browser, so its code was not used."
                + " Open a new connect link in this browser.";

        public BrowserMismatchException() {
            super(EXPLANATION);
        }
    }

    /** The answer is not the authorization server's that the state was made for: its code was not sent anywhere. */
    public static class ServerMismatchException extends RuntimeException {
        private final ServerMismatch mismatch;
        private final String returnUrl;

        public ServerMismatchException(ServerMismatch mismatch, String returnUrl) {
            super(mismatch.explanation());
            this.mismatch = mismatch;
            this.returnUrl = returnUrl;
        }

        public String error() {
            return mismatch.error();
        }

        public String returnUrl() {
            return returnUrl;
        }
    }

    /** The provider refused the code exchange. */
    public static class ProviderRefusedException extends RuntimeException {
        private final String error;
        private final String returnUrl;

        public ProviderRefusedException(String error, String message, String returnUrl) {
            super(message);
            this.error = error;
            this.returnUrl = returnUrl;
        }

        public String error() {
            return error;
        }

        public String returnUrl() {
            return returnUrl;
        }
    }
}
