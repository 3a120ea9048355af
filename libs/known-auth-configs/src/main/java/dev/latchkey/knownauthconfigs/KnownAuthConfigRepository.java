package dev.latchkey.knownauthconfigs;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * The auth-config projection, within one tenant; a deleted (retired) auth config is not found. The locks here are
 * what makes "an auth config in use is never deleted" hold at every instant: a new connection holds its auth config
 * shared until it commits, a retirement holds it exclusively, so one always sees the other's outcome.
 */
@ApplicationScoped
public class KnownAuthConfigRepository implements PanacheRepositoryBase<KnownAuthConfig, UUID> {

    /** A tombstone for an auth config retired before its {@code auth_config.created} event arrived here. */
    private static final String TOMBSTONE = """
            INSERT INTO auth_configs (id, tenant, name, config, sealed_fields, version, deleted, updated_at)
            VALUES (?1, ?2, '', '{}', '{}', 0, true, now())
            ON CONFLICT (id) DO NOTHING""";

    public Uni<KnownAuthConfig> findInTenant(String tenant, UUID id) {
        return live(tenant, id).firstResult();
    }

    /**
     * The auth config, held (FOR SHARE) until the transaction ends, so that it cannot be retired before a connection
     * made from it commits; null when it is unknown or retired.
     */
    public Uni<KnownAuthConfig> holdForNewConnection(String tenant, UUID id) {
        return live(tenant, id).withLock(LockModeType.PESSIMISTIC_READ).firstResult();
    }

    /**
     * The auth config, locked (FOR UPDATE) until the transaction ends, after connections being made from it have
     * committed. One this service has not heard of yet gets a retired tombstone first, which its late
     * {@code auth_config.created} event then cannot bring back.
     */
    public Uni<KnownAuthConfig> lockForRetirement(String tenant, UUID id) {
        return execute(TOMBSTONE, id, tenant)
                .chain(() -> find("tenant = :tenant and id = :id", Parameters.with("tenant", tenant).and("id", id))
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult());
    }

    /** The tenant's auth config unless it is retired or deleted. */
    private PanacheQuery<KnownAuthConfig> live(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id and deleted = false", Parameters.with("tenant", tenant).and("id", id));
    }
}
