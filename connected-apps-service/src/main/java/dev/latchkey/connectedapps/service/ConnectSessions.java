package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.ConnectSession;
import dev.latchkey.connectedapps.repository.ConnectSessionRepository;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Hosted connect links: a caller makes one for an end user; the user opens it, and either authorizes at the
 * provider (OAuth2) or fills in the auth config's form. A link is good for one connection, for a short while, and
 * opens once: the first visit swaps it for a secret that only that browser holds (a cookie), so a link seen later
 * in a history, a log or a shoulder-surfed address bar opens nothing.
 */
@ApplicationScoped
public class ConnectSessions {

    private final ConnectSessionRepository sessions;
    private final KnownAuthConfigRepository authConfigs;
    private final AllowedOrigins allowedOrigins;
    private final ConnectionService connections;
    private final Catalog catalog;
    private final ConnectionsConfig config;

    public ConnectSessions(ConnectSessionRepository sessions, KnownAuthConfigRepository authConfigs, AllowedOrigins allowedOrigins,
            ConnectionService connections, Catalog catalog, ConnectionsConfig config) {
        this.sessions = sessions;
        this.authConfigs = authConfigs;
        this.allowedOrigins = allowedOrigins;
        this.connections = connections;
        this.catalog = catalog;
        this.config = config;
    }

    /** A link just made; the token is in it and nowhere else. */
    public record Issued(String token, String connectUrl, Instant expiresAt) {
    }

    /** A link opened by a browser: the secret for its cookie, and when the session expires. */
    public record Visit(String browser, Instant expiresAt) {
    }

    /** What the connect page shows: the app, how it connects, and for key-based schemes the form. */
    public record Opened(ConnectSession session, String appName, AuthType authType, CredentialForm form) {
    }

    public Uni<Issued> create(Caller caller, NewConnectSession request) {
        return allowedOrigins.requireAllowed(caller.tenant(), request.returnUrl(), "returnUrl")
                .chain(() -> Panache.withTransaction(() -> authConfigs.findInTenant(caller.tenant(), request.authConfigId())
                        .onItem().ifNull()
                        .failWith(() -> ConnectionService.invalid("authConfigId", "is not an auth config of your tenant"))
                        .chain(authConfig -> {
                            ConnectionService.requireEnvironment(authConfig, request.environment());
                            String token = OpaqueTokens.random(32);
                            Instant expiresAt = Instant.now().plus(config.connectSessionLifetime())
                                    .truncatedTo(ChronoUnit.SECONDS);
                            ConnectSession session = new ConnectSession(caller.tenant(), authConfig.id, request.environment(),
                                    request.endUserId(), request.returnUrl(), caller.actor(), expiresAt);
                            return sessions.persist(hash(token), session).replaceWith(new Issued(token,
                                    config.publicBaseUrl().replaceFirst("/+$", "") + "/connect/" + token, expiresAt));
                        })));
    }

    /**
     * Binds the link to the browser that opens it: answers the secret to give that browser, or null when the link is
     * unknown, was opened before, used or expired. The link opens nothing afterwards.
     */
    public Uni<Visit> visit(String token) {
        String browser = OpaqueTokens.random(32);
        return Panache.withTransaction(() -> sessions.bind(hash(token), hash(browser)))
                .map(expiresAt -> expiresAt == null ? null : new Visit(browser, expiresAt));
    }

    /**
     * The session the browser holding {@code browser} opened, with what its page needs; null without a secret, or
     * when the session is unknown, used or expired.
     */
    public Uni<Opened> open(String browser) {
        if (browser == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> sessions.findOpen(hash(browser)).chain(session -> session == null
                ? Uni.createFrom().nullItem()
                : authConfigs.findInTenant(session.tenant(), session.authConfigId()).map(authConfig -> authConfig == null ? null
                        : new Opened(session, appName(authConfig), AuthType.of(authConfig.authType), form(authConfig)))));
    }

    /**
     * Makes the link's connection: OAuth2 starts PENDING and answers the URL to send the user to, other schemes
     * take {@code credentials}. Invalid credentials leave the link usable. The OAuth2 flow is bound to the browser.
     *
     * @param browser the secret of the browser that opened the link (its cookie), null when it sent none
     * @throws InvalidInputException when the credentials do not fit the form
     * @throws ConnectSessionUsedException when the link was used, expired or is unknown
     */
    public Uni<ConnectionService.Created> connect(String browser, ObjectNode credentials) {
        if (browser == null) {
            return Uni.createFrom().failure(new ConnectSessionUsedException());
        }
        String browserHash = hash(browser);
        return Panache.withTransaction(() -> sessions.findOpen(browserHash)
                        .chain(session -> session == null ? Uni.createFrom().<ConnectSession>nullItem()
                                : sessions.take(browserHash).map(taken -> taken ? session : null)))
                .onItem().ifNull().failWith(ConnectSessionUsedException::new)
                .chain(session -> Panache.withSession(() -> authConfigs.findInTenant(session.tenant(), session.authConfigId()))
                        .onItem().ifNull().failWith(() -> ConnectionService.invalid("authConfigId", "is not an auth config of your tenant"))
                        .chain(authConfig -> connections.create(session.tenant(), session.actor(), new NewConnection(session.authConfigId(),
                                session.environment(), appName(authConfig) + " (" + session.endUserId() + ")", session.endUserId(),
                                null, credentials, null, null), session.returnUrl(), browserHash))
                        .call(created -> Panache.withTransaction(() -> sessions.connected(browserHash, created.connection().id)))
                        .onFailure(InvalidInputException.class)
                        .call(() -> Panache.withTransaction(() -> sessions.release(browserHash))));
    }

    private String appName(KnownAuthConfig authConfig) {
        return Optional.ofNullable(authConfig.provider).flatMap(catalog::find).map(entry -> entry.name()).orElse(authConfig.name);
    }

    private CredentialForm form(KnownAuthConfig authConfig) {
        return ConnectionForms.of(authConfig, catalog);
    }

    /** Only the SHA-256 of a token or a browser's secret is stored: a copy of the table opens no link. */
    private static String hash(String token) {
        return OpaqueTokens.sha256(token);
    }

    /** The link is unknown, was used, or expired. */
    public static class ConnectSessionUsedException extends RuntimeException {
        public ConnectSessionUsedException() {
            super("This connect link is unknown, was already used, or expired. Ask for a new one.");
        }
    }
}
