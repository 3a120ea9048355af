package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ReadableConnections;
import dev.latchkey.connectedapps.repository.ReadableConnections.Readable;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.oauth.RefreshMargin;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Hands out a connection's credentials, valid now: a token about to expire is refreshed first by token-refresher
 * (which refreshes once however many callers ask). Every read is an {@code access.credentials_read} event and
 * the connection's last use.
 */
@ApplicationScoped
public class CredentialsService {

    private static final Logger LOG = Logger.getLogger(CredentialsService.class);

    private final KnownAuthConfigRepository authConfigs;
    private final SecretStore secrets;
    private final ConnectionEventWriter events;
    private final SharedRefreshes refreshes;
    private final ConnectionsConfig config;
    private final LastUse lastUse;
    private final ReadableConnections readable;

    public CredentialsService(KnownAuthConfigRepository authConfigs, SecretStore secrets,
            ConnectionEventWriter events, SharedRefreshes refreshes, ConnectionsConfig config, LastUse lastUse,
            ReadableConnections readable) {
        this.authConfigs = authConfigs;
        this.secrets = secrets;
        this.events = events;
        this.refreshes = refreshes;
        this.config = config;
        this.lastUse = lastUse;
        this.readable = readable;
    }

    /** A token's state after the read made sure of it: its expiry, and whether this read refreshed it. */
    private record Freshness(Instant expiresAt, boolean refreshed) {
    }

    /**
     * The credentials as they are now. A connection that is not ACTIVE has none to give, nor one whose auth config or
     * stored secret is gone: a 409 that says how to fix it, never an empty answer. They are handed out only once the
     * read's {@code access.credentials_read} event is committed; a token this read had refreshed goes out with its new
     * expiry (the row takes that expiry from the {@code token.refreshed} event, its one writer, ConnectionHealth).
     */
    public Uni<ConnectionCredentials> credentials(Caller caller, UUID id) {
        return readable.get(caller.tenant(), id)
                .invoke(known -> refuseUnlessActive(known.connection()))
                .chain(known -> freshness(known.connection())
                        .invoke(freshness -> known.connection().expiresAt = freshness.expiresAt())
                        .chain(freshness -> merged(known).call(() -> recordRead(caller, known.connection(), freshness))));
    }

    /**
     * The read's event, committed together with concurrent reads' ones, and the connection's last use. Without its
     * event committed there is no read: a 503, and the caller tries again.
     */
    private Uni<Void> recordRead(Caller caller, Connection connection, Freshness freshness) {
        return events.credentialsRead(caller, connection, freshness.refreshed())
                .onFailure().transform(failure -> {
                    LOG.warnf("could not record a read of connection %s: %s", connection.id, failure.toString());
                    return new UnavailableException("The read could not be recorded in the audit log just now, so no"
                            + " credentials were handed out; try again shortly.");
                })
                .call(() -> lastUse.touch(connection.id));
    }

    /** The credentials as stored: the auth config's fields overridden by the connection's own. Neither audited nor refreshed. */
    Uni<ConnectionCredentials> current(Connection connection) {
        return Panache.withSession(() -> authConfigs.findInTenant(connection.tenant, connection.authConfigId))
                .chain(authConfig -> merged(new Readable(connection, authConfig)));
    }

    /** Refreshes a token inside its margin; a token still valid is handed out when token-refresher cannot help now. */
    private Uni<Freshness> freshness(Connection connection) {
        Instant expiresAt = connection.expiresAt;
        if (!tokenBased(connection) || expiresAt == null
                || RefreshMargin.refreshAt(config.readRefreshMargin(), connection.tokenIssuedAt, expiresAt).isAfter(Instant.now())) {
            return Uni.createFrom().item(new Freshness(expiresAt, false));
        }
        return refreshes.refresh(connection.tenant, connection.id)
                .map(refreshed -> new Freshness(refreshed.expiresAt(), refreshed.refreshed()))
                .onFailure().recoverWithUni(failure -> {
                    int status = failure instanceof WebApplicationException refusal ? refusal.getResponse().getStatus() : 0;
                    // 409: the provider ended the grant; 404: nothing to refresh with (no refresh token).
                    if (status == 409 || status == 404 && !expiresAt.isAfter(Instant.now())) {
                        return Uni.createFrom().failure(new ConflictException("The connection's authorization expired:"
                                + " authorize it again with POST /api/v1/connections/" + connection.id + "/reauthorize."));
                    }
                    LOG.warnf("on-demand refresh of connection %s failed: %s", connection.id, failure.toString());
                    if (expiresAt.isAfter(Instant.now())) {
                        return Uni.createFrom().item(new Freshness(expiresAt, false));
                    }
                    return Uni.createFrom().failure(new UpstreamException("The connection's token expired and could not be"
                            + " refreshed just now; try again shortly."));
                });
    }

    private Uni<ConnectionCredentials> merged(Readable known) {
        if (known.authConfig() == null) {
            return Uni.createFrom().failure(new ConflictException("The connection's auth config was deleted, so it has"
                    + " no credentials to give; make a new connection from an existing auth config."));
        }
        return fields(known.connection(), known.authConfig()).onFailure(SecretNotFoundException.class)
                .transform(gone -> new ConflictException("The connection's stored credentials are gone; authorize it again"
                        + " or make it anew."));
    }

    private Uni<ConnectionCredentials> fields(Connection connection, KnownAuthConfig authConfig) {
        SecretPath path = SecretPath.connection(connection.tenant, connection.id);
        if (tokenBased(connection)) {
            // The newest version: token-refresher writes each refreshed token as a new one.
            return secrets.read(path).map(secret -> tokenCredentials(connection, secret.fields()));
        }
        Uni<Map<String, String>> own = connection.secretVersion == 0 ? Uni.createFrom().item(Map.of())
                : secrets.read(path, connection.secretVersion).map(secret -> secret.fields());
        Map<String, Object> fields = new LinkedHashMap<>(authConfig.config);
        Uni<Map<String, String>> inherited = authConfig.sealedFields.length == 0 ? Uni.createFrom().item(Map.of())
                : secrets.read(SecretPath.authConfig(connection.tenant, connection.authConfigId)).map(secret -> secret.fields());
        return inherited.chain(fromAuthConfig -> own.map(fromConnection -> {
            fields.putAll(fromAuthConfig);
            fields.putAll(connection.config);
            fields.putAll(fromConnection);
            return new ConnectionCredentials(connection.id, connection.authType, connection.provider, connection.environment, fields);
        }));
    }

    /**
     * What a caller of an OAuth2 account needs: the access token, when it expires, and the provider's extras (an
     * instance URL). Never the refresh token or the client secret: Latchkey alone refreshes.
     */
    private static ConnectionCredentials tokenCredentials(Connection connection, Map<String, String> tokens) {
        Map<String, Object> fields = new LinkedHashMap<>(connection.config);
        fields.put("accessToken", tokens.get("accessToken"));
        if (connection.expiresAt != null) {
            fields.put("expiresAt", connection.expiresAt.toString());
        }
        return new ConnectionCredentials(connection.id, connection.authType, connection.provider, connection.environment, fields);
    }

    static boolean tokenBased(Connection connection) {
        return AuthType.of(connection.authType).tokenBased();
    }

    private static void refuseUnlessActive(Connection connection) {
        switch (connection.status) {
            case ACTIVE -> {
            }
            case PENDING -> throw new ConflictException("The connection is not authorized yet: finish the authorization,"
                    + " or start it again with POST /api/v1/connections/" + connection.id + "/reauthorize.");
            case EXPIRED -> throw new ConflictException("The connection's authorization expired: authorize it again with"
                    + " POST /api/v1/connections/" + connection.id + "/reauthorize.");
            case ERROR -> throw new ConflictException("The connection is in error"
                    + (connection.statusReason == null ? "" : " (" + connection.statusReason + ")") + "; test or reauthorize it.");
        }
    }
}
