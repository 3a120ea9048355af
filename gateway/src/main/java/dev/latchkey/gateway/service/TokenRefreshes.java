package dev.latchkey.gateway.service;

import dev.latchkey.gateway.client.TokenRefresher;
import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.oauth.RefreshOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On-demand refreshes, one call to token-refresher per connection (and kind) at a time from this replica: calls that
 * need the same refresh while one is under way wait for its answer. token-refresher refreshes once however many
 * replicas ask.
 */
@ApplicationScoped
public class TokenRefreshes {

    private final TokenRefresher refresher;
    private final GatewayConfig config;
    private final Map<String, Uni<RefreshOutcome>> underWay = new ConcurrentHashMap<>();

    public TokenRefreshes(@RestClient TokenRefresher refresher, GatewayConfig config) {
        this.refresher = refresher;
        this.config = config;
    }

    /**
     * The outcome of the refresh under way, or of a new one; fails after the configured wait.
     *
     * @param refused an API refused the token: refresh it though it is not due
     */
    Uni<RefreshOutcome> refresh(String tenant, UUID connection, boolean refused) {
        String key = connection + (refused ? ":refused" : "");
        return underWay.computeIfAbsent(key, ignored -> refresher.refresh(tenant, connection, refused)
                .ifNoItem().after(config.refreshWait()).fail()
                .onTermination().invoke(() -> underWay.remove(key))
                .memoize().indefinitely());
    }
}
