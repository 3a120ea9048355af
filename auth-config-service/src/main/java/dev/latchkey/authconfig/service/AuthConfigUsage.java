package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.repository.ConnectionUsageRepository;
import dev.latchkey.authconfig.repository.ConnectionUsageRepository.Use;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each auth config's usage from what happens to the connections made from it: how many there are, and when one
 * last handed out credentials. Runs in the caller's transaction. A connection's use may be known before the
 * connection itself (events of two topics), so either event carries the last use over once both are known.
 */
@ApplicationScoped
public class AuthConfigUsage {

    private final ConnectionUsageRepository usage;

    public AuthConfigUsage(ConnectionUsageRepository usage) {
        this.usage = usage;
    }

    public Uni<Void> connectionCreated(String tenant, UUID connectionId, UUID authConfigId, String environment) {
        return usage.remember(tenant, connectionId, authConfigId, environment)
                .chain(() -> usage.countUp(tenant, authConfigId))
                .chain(() -> usage.carryLastUse(List.of(connectionId)));
    }

    public Uni<Void> connectionDeleted(String tenant, UUID connectionId, UUID authConfigId) {
        return usage.forget(tenant, connectionId).chain(() -> usage.countDown(tenant, authConfigId));
    }

    /**
     * Credential reads, a batch of them: each connection's latest is its last use, and its auth config's. A last use is
     * a maximum, so the batch costs two statements however many reads it holds.
     */
    public Uni<Void> credentialsRead(List<Use> reads) {
        if (reads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Use> latest = new HashMap<>();
        reads.forEach(read -> latest.merge(read.connectionId(), read, (one, other) -> one.at().isAfter(other.at()) ? one : other));
        return usage.used(List.copyOf(latest.values())).chain(() -> usage.carryLastUse(List.copyOf(latest.keySet())));
    }
}
