package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * This service's word on deleting an auth config, asked by auth-config-service before it deletes one: retired when
 * no connection uses it (no connection can be made from it afterwards), refused with how many use it otherwise.
 * Connections live here, so the answer holds at the instant it is given; see docs/architecture.md.
 */
@ApplicationScoped
public class AuthConfigRetirement {

    /** Whether the auth config is retired now, and how many connections kept it when it is not. */
    public record Outcome(boolean retired, long connections) {
    }

    private final KnownAuthConfigRepository authConfigs;
    private final ConnectionRepository connections;

    public AuthConfigRetirement(KnownAuthConfigRepository authConfigs, ConnectionRepository connections) {
        this.authConfigs = authConfigs;
        this.connections = connections;
    }

    /**
     * Retires {@code tenant}'s auth config {@code id} unless a connection uses it; asking again answers the same. (The
     * id of another tenant's auth config finds no row to lock: there is nothing of this tenant to retire.)
     */
    public Uni<Outcome> retire(String tenant, UUID id) {
        return Panache.withTransaction(() -> authConfigs.lockForRetirement(tenant, id)
                .chain(authConfig -> connections.countMadeFrom(tenant, id).map(count -> {
                    if (count == 0 && authConfig != null) {
                        authConfig.deleted = true;
                    }
                    return new Outcome(count == 0, count);
                })));
    }
}
