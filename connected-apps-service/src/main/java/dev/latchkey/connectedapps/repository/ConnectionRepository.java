package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.Connection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Connections, always within one tenant: another tenant's id finds nothing. */
@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<Connection, UUID> {

    public Uni<Connection> findInTenant(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id", Parameters.with("tenant", tenant).and("id", id)).firstResult();
    }

    /** One page, newest first, after the cursor's position when there is one. */
    public Uni<List<Connection>> page(ConnectionFilter filter, int limit) {
        return find(filter.where(), Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending),
                filter.parameters()).page(0, limit + 1).list();
    }
}
