package dev.latchkey.audit.service;

import dev.latchkey.audit.repository.AuditLog;
import dev.latchkey.audit.repository.RetentionSettings;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Tenants' own retention periods. Every change is an entry of the tenant's audit log, so shortening the period to
 * erase history leaves its own trace.
 */
@ApplicationScoped
public class RetentionPeriods {

    private final RetentionSettings settings;
    private final AuditLog log;

    public RetentionPeriods(RetentionSettings settings, AuditLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** The tenant's own period, in days; null when it keeps the default. */
    public Uni<Integer> days(String tenant) {
        return settings.days(tenant);
    }

    /** Sets the tenant's period and records the change in its audit log, in one transaction. */
    public Uni<Void> set(Caller caller, int days) {
        return Panache.withTransaction(() -> settings.save(caller, days)
                .chain(previous -> log.append(List.of(AuditEntries.retentionChanged(caller, days, previous)))).replaceWithVoid());
    }
}
