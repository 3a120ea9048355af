package dev.latchkey.audit.consumers;

import dev.latchkey.audit.service.AuditIngestion;
import dev.latchkey.audit.service.AuditMetrics;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.List;

/**
 * Every event on every Latchkey topic into the audit log, a polled batch at a time in one transaction: events the log
 * holds already (a redelivered batch) are left out by their ids, the rest appended to their tenants' chains. The
 * offsets are committed after the transaction, so a crash means redelivery, never loss.
 */
@ApplicationScoped
public class AuditConsumer {

    static final String CONSUMER = "audit-log";

    private final IdempotentConsumer consumer;
    private final AuditIngestion ingestion;
    private final AuditMetrics metrics;

    public AuditConsumer(IdempotentConsumer consumer, AuditIngestion ingestion, AuditMetrics metrics) {
        this.consumer = consumer;
        this.ingestion = ingestion;
        this.metrics = metrics;
    }

    @Incoming("events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            metrics.received(partition.topic(), records.records(partition).size());
        }
        return store(IdempotentConsumer.values(records), Instant.now()).replaceWithVoid();
    }

    /** Stores the events among {@code records}, received at {@code received}, that the log lacks; returns them. */
    public Uni<List<CloudEvent>> store(List<String> records, Instant received) {
        return consumer.handleRecords(CONSUMER, records, events -> ingestion.append(events, received))
                .invoke(stored -> stored.forEach(event -> metrics.stored(event, received)));
    }
}
