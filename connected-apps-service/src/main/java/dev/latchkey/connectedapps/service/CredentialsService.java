package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.service.StoredCredentials.Stored;
import dev.latchkey.oauth.RefreshMargin;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands out a connection's credentials, valid now: a token about to expire is refreshed first by token-refresher
 * (which refreshes once however many callers ask). Every read is an {@code access.credentials_read} event and
 * the connection's last use; what is stored comes from {@link StoredCredentials}, kept between changes.
 */
@ApplicationScoped
public class CredentialsService {

    private static final Logger LOG = Logger.getLogger(CredentialsService.class);

    private final StoredCredentials stored;
    private final ConnectionEventWriter events;
    private final SharedRefreshes refreshes;
    private final ConnectionsConfig config;
    private final LastUse lastUse;

    public CredentialsService(StoredCredentials stored, ConnectionEventWriter events, SharedRefreshes refreshes,
            ConnectionsConfig config, LastUse lastUse) {
        this.stored = stored;
        this.events = events;
        this.refreshes = refreshes;
        this.config = config;
        this.lastUse = lastUse;
    }

    /** What a read hands out, and whether it had the token refreshed. */
    private record HandedOut(ConnectionCredentials credentials, boolean refreshed) {
    }

    /**
     * The credentials as they are now. A connection that is not ACTIVE has none to give, nor one whose auth config or
     * stored secret is gone: a 409 that says how to fix it, never an empty answer. They are handed out only once the
     * read's {@code access.credentials_read} event is committed; a token that had to be refreshed goes out as
     * token-refresher left it, with its new expiry (the row takes that expiry from the {@code token.refreshed} event,
     * its one writer, ConnectionHealth).
     */
    public Uni<ConnectionCredentials> credentials(Caller caller, UUID id) {
        return stored.get(caller.tenant(), id)
                .invoke(known -> refuseUnlessActive(known.connection()))
                .invoke(Stored::refuseIfUnavailable)
                .chain(known -> fresh(known).call(handedOut -> recordRead(caller, known.connection(), handedOut.refreshed())))
                .map(HandedOut::credentials);
    }

    /**
     * The read's event, committed together with concurrent reads' ones, and the connection's last use. Without its
     * event committed there is no read: a 503, and the caller tries again.
     */
    private Uni<Void> recordRead(Caller caller, Connection connection, boolean refreshed) {
        return events.credentialsRead(caller, connection, refreshed)
                .onFailure().transform(failure -> {
                    LOG.warnf("could not record a read of connection %s: %s", connection.id, failure.toString());
                    return new UnavailableException("The read could not be recorded in the audit log just now, so no"
                            + " credentials were handed out; try again shortly.");
                })
                .call(() -> lastUse.touch(connection.id));
    }

    /**
     * The stored credentials, or for a token inside its refresh margin the one token-refresher answers with; a token
     * still valid is handed out when token-refresher cannot help now.
     */
    private Uni<HandedOut> fresh(Stored known) {
        Connection connection = known.connection();
        Instant expiresAt = connection.expiresAt;
        if (!StoredCredentials.tokenBased(connection) || expiresAt == null
                || RefreshMargin.refreshAt(config.readRefreshMargin(), connection.tokenIssuedAt, expiresAt).isAfter(Instant.now())) {
            return Uni.createFrom().item(new HandedOut(known.credentials(), false));
        }
        return refreshes.refresh(connection)
                .map(renewed -> new HandedOut(renewed.credentials(), renewed.outcome().refreshed()))
                .onFailure().recoverWithUni(failure -> {
                    int status = failure instanceof WebApplicationException refusal ? refusal.getResponse().getStatus() : 0;
                    // 409: the provider ended the grant; 404: nothing to refresh with (no refresh token).
                    if (status == 409 || status == 404 && !expiresAt.isAfter(Instant.now())) {
                        return Uni.createFrom().failure(new ConflictException("The connection's authorization expired:"
                                + " authorize it again with POST /api/v1/connections/" + connection.id + "/reauthorize."));
                    }
                    LOG.warnf("on-demand refresh of connection %s failed: %s", connection.id, failure.toString());
                    if (expiresAt.isAfter(Instant.now())) {
                        return Uni.createFrom().item(new HandedOut(known.credentials(), false));
                    }
                    return Uni.createFrom().failure(new UpstreamException("The connection's token expired and could not be"
                            + " refreshed just now; try again shortly."));
                });
    }

    /** What an EXPIRED connection answers: authorize an OAuth2 one again, replace a key-based one's credentials. */
    static ConflictException expired(Connection connection) {
        if (AuthType.of(connection.authType).tokenBased()) {
            return new ConflictException("The connection's authorization expired: authorize it again with"
                    + " POST /api/v1/connections/" + connection.id + "/reauthorize.");
        }
        return new ConflictException("The connection's credentials expired (" + connection.statusReason + "): replace them"
                + " with PATCH /api/v1/connections/" + connection.id + ".");
    }

    private static void refuseUnlessActive(Connection connection) {
        switch (connection.status) {
            case ACTIVE -> {
            }
            case PENDING -> throw new ConflictException("The connection is not authorized yet: finish the authorization,"
                    + " or start it again with POST /api/v1/connections/" + connection.id + "/reauthorize.");
            case EXPIRED -> throw expired(connection);
            case ERROR -> throw new ConflictException("The connection is in error"
                    + (connection.statusReason == null ? "" : " (" + connection.statusReason + ")") + "; test or reauthorize it.");
        }
    }
}
