package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.KnownAuthConfig;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The auth-config projection, within one tenant; a deleted auth config is not found. */
@ApplicationScoped
public class KnownAuthConfigRepository implements PanacheRepositoryBase<KnownAuthConfig, UUID> {

    public Uni<KnownAuthConfig> findInTenant(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id and deleted = false", Parameters.with("tenant", tenant).and("id", id))
                .firstResult();
    }
}
