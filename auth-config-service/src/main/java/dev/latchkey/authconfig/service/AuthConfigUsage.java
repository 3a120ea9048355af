package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.repository.ConnectionUsageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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

    public Uni<Void> connectionCreated(String tenant, UUID connectionId, UUID authConfigId) {
        return usage.remember(tenant, connectionId, authConfigId)
                .chain(() -> usage.countUp(tenant, authConfigId))
                .chain(() -> usage.carryLastUse(tenant, connectionId));
    }

    public Uni<Void> connectionDeleted(String tenant, UUID connectionId, UUID authConfigId) {
        return usage.forget(tenant, connectionId).chain(() -> usage.countDown(tenant, authConfigId));
    }

    public Uni<Void> credentialsRead(String tenant, UUID connectionId, Instant at) {
        return usage.used(tenant, connectionId, at).chain(() -> usage.carryLastUse(tenant, connectionId));
    }
}
