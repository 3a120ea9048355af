package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.knownauthconfigs.KnownAuthConfigProjector;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/** Connections, always within one tenant: another tenant's id finds nothing. */
@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<Connection, UUID> {

    public Uni<Connection> findInTenant(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id", Parameters.with("tenant", tenant).and("id", id)).firstResult();
    }

    /** The tenant's connection, or a 404: another tenant's id is as unknown as one that never existed. */
    public Uni<Connection> get(String tenant, UUID id) {
        return findInTenant(tenant, id).onItem().ifNull().failWith(NotFoundException::new);
    }

    /** {@link #get}, locked as {@link #findForUpdate} locks it. */
    public Uni<Connection> getForUpdate(String tenant, UUID id) {
        return findForUpdate(tenant, id).onItem().ifNull().failWith(NotFoundException::new);
    }

    /**
     * The connection, locked until the transaction ends: every change loads it this way, so concurrent changes
     * (an edit, a token event, a test) wait for each other instead of failing on the version check.
     */
    public Uni<Connection> findForUpdate(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id", Parameters.with("tenant", tenant).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Sets the scopes {@code scopes} asks for that each OAuth2 connection of the auth config lacks (reauthorizing gets
     * them). Only when {@code version} is the one the known auth config holds, so a late older event changes nothing.
     */
    public Uni<Void> flagMissingScopes(String tenant, UUID authConfigId, List<?> scopes, long version) {
        return execute("""
                UPDATE connections c SET missing_scopes = ARRAY(
                        SELECT s FROM jsonb_array_elements_text(cast(cast(?3 as text) as jsonb)) s
                        WHERE NOT s = ANY(coalesce(c.granted_scopes, '{}')))
                WHERE c.tenant = ?1 AND c.auth_config_id = ?2 AND c.auth_type = 'oauth2' AND c.status <> 'PENDING'
                  AND EXISTS (SELECT 1 FROM auth_configs a WHERE a.id = ?2 AND a.version = ?4)""",
                tenant, authConfigId, KnownAuthConfigProjector.json(scopes), version);
    }

    /** How many of the tenant's connections, in any status, were made from the auth config. */
    public Uni<Long> countMadeFrom(String tenant, UUID authConfigId) {
        return count("tenant = :tenant and authConfigId = :authConfigId",
                Parameters.with("tenant", tenant).and("authConfigId", authConfigId));
    }
}
