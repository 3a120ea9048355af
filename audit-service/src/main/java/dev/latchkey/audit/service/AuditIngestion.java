package dev.latchkey.audit.service;

import dev.latchkey.audit.repository.AuditLog;
import dev.latchkey.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events from Latchkey's topics into the audit log, in the caller's transaction, each once. */
@ApplicationScoped
public class AuditIngestion {

    private final AuditLog log;

    public AuditIngestion(AuditLog log) {
        this.log = log;
    }

    /**
     * Appends {@code events}, received at {@code received}, each at the end of its tenant's chain, in order, but those
     * the log holds already (a redelivery) and the repeats of an event {@code events} holds twice; returns the events
     * appended.
     */
    public Uni<List<CloudEvent>> append(List<CloudEvent> events, Instant received) {
        Map<UUID, CloudEvent> byId = new HashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        return log.append(events.stream().map(event -> AuditEntries.of(event, received)).toList())
                .map(appended -> appended.stream().map(entry -> byId.get(entry.eventId())).toList());
    }
}
