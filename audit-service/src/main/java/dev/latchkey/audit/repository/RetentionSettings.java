package dev.latchkey.audit.repository;

import dev.latchkey.audit.domain.TenantRetention;
import dev.latchkey.audit.service.AuditEntries;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Tenants' own retention periods, in days; a tenant without one keeps the configured default. Every change is an
 * entry of the tenant's audit log, so shortening the period to erase history leaves its own trace.
 */
@ApplicationScoped
public class RetentionSettings {

    private final AuditLog log;

    public RetentionSettings(AuditLog log) {
        this.log = log;
    }

    /** The tenant's own period; null when it keeps the default. */
    public Uni<Integer> days(String tenant) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.find(TenantRetention.class, tenant)))
                .map(retention -> retention == null ? null : retention.days);
    }

    /** Sets the tenant's period and records the change in its audit log, in one transaction. */
    public Uni<Void> set(Caller caller, int days) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.find(TenantRetention.class, caller.tenant())
                .chain(current -> {
                    Integer previous = current == null ? null : current.days;
                    TenantRetention retention = current == null ? new TenantRetention() : current;
                    retention.tenant = caller.tenant();
                    retention.days = days;
                    retention.updatedAt = Instant.now();
                    retention.updatedBy = caller.actor();
                    return session.merge(retention).chain(() -> log.append(List.of(AuditEntries.retentionChanged(caller, days, previous))));
                })));
    }
}
