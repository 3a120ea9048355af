package dev.latchkey.audit.service;

import dev.latchkey.audit.repository.AuditLog;
import dev.latchkey.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Events from Latchkey's topics into the audit log, in the caller's transaction. */
@ApplicationScoped
public class AuditIngestion {

    private final AuditLog log;

    public AuditIngestion(AuditLog log) {
        this.log = log;
    }

    /** Appends {@code events}, received at {@code received}, each at the end of its tenant's chain, in order. */
    public Uni<Void> append(List<CloudEvent> events, Instant received) {
        return log.append(events.stream().map(event -> AuditEntries.of(event, received)).toList());
    }
}
