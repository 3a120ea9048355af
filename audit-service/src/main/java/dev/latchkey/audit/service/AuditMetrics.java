package dev.latchkey.audit.service;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * The audit log's ingestion: records read per topic, entries stored per topic, and how long after it occurred each
 * stored event was received. The Kafka client's own metrics add the consumer lag per topic and partition
 * ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@ApplicationScoped
public class AuditMetrics {

    private final MeterRegistry registry;

    public AuditMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String topic, int records) {
        registry.counter("latchkey.audit.records.received", "topic", topic).increment(records);
    }

    /** {@code event}, of a known type, stored; its topic from its type, not its data (reading that costs a parse). */
    public void stored(CloudEvent event, Instant received) {
        String topic = EventType.ofCloudEventType(event.type()).orElseThrow().topic();
        registry.counter("latchkey.audit.events.stored", "topic", topic).increment();
        if (event.time() != null) {
            Duration delay = Duration.between(event.time(), received);
            Timer.builder("latchkey.audit.ingest.delay").description("From an event's occurrence to its arrival in the audit log")
                    .tag("topic", topic).publishPercentiles(0.5, 0.99).register(registry)
                    .record(delay.isNegative() ? Duration.ZERO : delay);
        }
    }
}
