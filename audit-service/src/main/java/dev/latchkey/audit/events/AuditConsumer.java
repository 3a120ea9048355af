package dev.latchkey.audit.events;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.repository.AuditLog;
import dev.latchkey.audit.service.AuditEntries;
import dev.latchkey.audit.service.AuditMetrics;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event on every Latchkey topic into the audit log, a polled batch at a time in one transaction: the
 * idempotent consumer drops events already stored (a redelivered batch), the rest are appended to their tenants'
 * chains. The offsets are committed after the transaction, so a crash means redelivery, never loss.
 */
@ApplicationScoped
public class AuditConsumer {

    static final String CONSUMER = "audit-log";

    private final IdempotentConsumer consumer;
    private final AuditLog log;
    private final AuditMetrics metrics;

    public AuditConsumer(IdempotentConsumer consumer, AuditLog log, AuditMetrics metrics) {
        this.consumer = consumer;
        this.log = log;
        this.metrics = metrics;
    }

    @Incoming("events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        List<String> values = new ArrayList<>(records.count());
        records.forEach(record -> values.add(record.value()));
        Instant received = Instant.now();
        return consumer.handleRecordsOnce(CONSUMER, values, events -> log.append(entries(events, received)))
                .invoke(stored -> {
                    for (ConsumerRecord<String, String> record : records) {
                        metrics.received(record.topic());
                    }
                    stored.forEach(event -> metrics.stored(event, received));
                })
                .replaceWithVoid();
    }

    private static List<AuditEntry> entries(List<CloudEvent> events, Instant received) {
        return events.stream().map(event -> AuditEntries.of(event, received)).toList();
    }
}
