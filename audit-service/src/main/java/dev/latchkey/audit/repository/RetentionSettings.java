package dev.latchkey.audit.repository;

import dev.latchkey.audit.domain.TenantRetention;
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

    public Uni<Void> set(String tenant, int days, String actor) {
        TenantRetention retention = new TenantRetention();
        retention.tenant = tenant;
        retention.days = days;
        retention.updatedAt = Instant.now();
        retention.updatedBy = actor;
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.merge(retention))).replaceWithVoid();
    }
}
