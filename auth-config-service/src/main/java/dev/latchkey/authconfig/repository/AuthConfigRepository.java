package dev.latchkey.authconfig.repository;

import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.probes.ProbeResult;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

/** Auth configs, always within one tenant: another tenant's id finds nothing. */
@ApplicationScoped
public class AuthConfigRepository implements PanacheRepositoryBase<AuthConfig, UUID> {

    public Uni<AuthConfig> findInTenant(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id", Parameters.with("tenant", tenant).and("id", id)).firstResult();
    }

    public Uni<Boolean> nameTaken(String tenant, String name) {
        return count("tenant = :tenant and name = :name", Parameters.with("tenant", tenant).and("name", name))
                .map(count -> count > 0);
    }

    /** The auth config, its row locked until the transaction ends: nothing else changes its status meanwhile. */
    public Uni<AuthConfig> lockInTenant(String tenant, UUID id) {
        return find("tenant = :tenant and id = :id", Parameters.with("tenant", tenant).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Stores a test's outcome and the status it leads to (with why), without touching the version: a test is not an
     * edit. A null status leaves the status and its reason as they are.
     */
    public Uni<Integer> recordTest(String tenant, UUID id, ProbeResult outcome, AuthConfigStatus status, String reason) {
        Parameters parameters = Parameters.with("outcome", outcome).and("id", id).and("tenant", tenant);
        if (status == null) {
            return update("lastTest = :outcome where id = :id and tenant = :tenant", parameters);
        }
        return update("status = :status, statusReason = :reason, lastTest = :outcome where id = :id and tenant = :tenant",
                parameters.and("status", status).and("reason", reason));
    }

    public Uni<List<AuthConfig>> page(AuthConfigQuery query) {
        return find(query.where(), query.sort(), query.parameters()).page(0, query.paging().fetchSize()).list();
    }
}
