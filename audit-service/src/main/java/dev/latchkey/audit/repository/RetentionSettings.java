package dev.latchkey.audit.repository;

import dev.latchkey.audit.domain.TenantRetention;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Tenants' own retention periods, in days; a tenant without one keeps the configured default. */
@ApplicationScoped
public class RetentionSettings {

    /** The tenant's own period; null when it keeps the default. */
    public Uni<Integer> days(String tenant) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.find(TenantRetention.class, tenant)))
                .map(retention -> retention == null ? null : retention.days);
    }

    /** Sets the caller's tenant's period in the caller's transaction; returns the tenant's own period before, or null. */
    public Uni<Integer> save(Caller caller, int days) {
        return Panache.getSession().chain(session -> session.find(TenantRetention.class, caller.tenant())
                .chain(current -> {
                    Integer previous = current == null ? null : current.days;
                    TenantRetention retention = current == null ? new TenantRetention() : current;
                    retention.tenant = caller.tenant();
                    retention.days = days;
                    retention.updatedAt = Instant.now();
                    retention.updatedBy = caller.actor();
                    return session.merge(retention).replaceWith(previous);
                }));
    }
}
