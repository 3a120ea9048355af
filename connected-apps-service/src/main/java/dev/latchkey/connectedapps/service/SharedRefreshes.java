package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.client.TokenRefresher;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.oauth.RefreshOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On-demand refreshes, one call to token-refresher per connection at a time from this replica: reads of a token about
 * to expire that arrive while a call for it is under way wait for that call's answer instead of making their own.
 * token-refresher refreshes once however many calls come; this spares it a call per waiting reader, which is what
 * kept a thousand concurrent readers waiting seconds.
 */
@ApplicationScoped
public class SharedRefreshes {

    private final TokenRefresher refresher;
    private final ConnectionsConfig config;
    private final Map<UUID, Uni<RefreshOutcome>> underWay = new ConcurrentHashMap<>();

    public SharedRefreshes(@RestClient TokenRefresher refresher, ConnectionsConfig config) {
        this.refresher = refresher;
        this.config = config;
    }

    /** The outcome of the call under way for the connection, or of a new one; fails after the configured wait. */
    public Uni<RefreshOutcome> refresh(String tenant, UUID connection) {
        return underWay.computeIfAbsent(connection, id -> refresher.refresh(tenant, id)
                .ifNoItem().after(config.refreshWait()).fail()
                .onTermination().invoke(() -> underWay.remove(id))
                .memoize().indefinitely());
    }
}
