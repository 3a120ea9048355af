package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.client.TokenRefresher;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.oauth.RefreshOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On-demand refreshes, one call to token-refresher per connection at a time from this replica: reads of a token about
 * to expire that arrive while a call for it is under way wait for that call's answer, and the one read of the token
 * it left in the store, instead of making their own. token-refresher refreshes once however many calls come; this
 * spares it a call, and the store a read, per waiting reader, which is what kept a thousand concurrent readers waiting
 * seconds.
 */
@ApplicationScoped
public class SharedRefreshes {

    private final TokenRefresher refresher;
    private final StoredCredentials stored;
    private final ConnectionsConfig config;
    private final Map<UUID, Uni<Renewed>> underWay = new ConcurrentHashMap<>();

    public SharedRefreshes(@RestClient TokenRefresher refresher, StoredCredentials stored, ConnectionsConfig config) {
        this.refresher = refresher;
        this.stored = stored;
        this.config = config;
    }

    /** token-refresher's answer, and the credentials with the token it left in the store. */
    public record Renewed(RefreshOutcome outcome, ConnectionCredentials credentials) {
    }

    /** The outcome of the call under way for the connection, or of a new one; fails after the configured wait. */
    public Uni<Renewed> refresh(Connection connection) {
        return underWay.computeIfAbsent(connection.id, id -> refresher.refresh(connection.tenant, id)
                .chain(outcome -> stored.refreshedToken(connection, outcome.expiresAt())
                        .map(credentials -> new Renewed(outcome, credentials)))
                .ifNoItem().after(config.refreshWait()).fail()
                .onTermination().invoke(() -> underWay.remove(id))
                .memoize().indefinitely());
    }
}
