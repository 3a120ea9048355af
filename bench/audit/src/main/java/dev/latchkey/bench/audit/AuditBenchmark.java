package dev.latchkey.bench.audit;

import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionTested;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.testing.AuditDatabase;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.KafkaTestBroker;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.ServiceProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * audit-service under load, on this machine, started from its package with its production roles, an embedded
 * Kafka broker and the machine's PostgreSQL: first a backlog of events published before the service starts
 * (sustained ingestion: how fast the service drains it, {@link Ingestion}), then a steady rate (the lag from publish to queryable, p50 and
 * p99, sampled). Prints figures; never fails on them.
 */
public final class AuditBenchmark {

    static final int TENANTS = 50;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        System.out.printf("machine: %d cores; PostgreSQL, Kafka, audit-service and the benchmark all on it%n",
                Runtime.getRuntime().availableProcessors());
        try (KafkaTestBroker broker = KafkaTestBroker.start();
             OidcTestServer oidc = OidcTestServer.start()) {
            run(broker, oidc, events, rate, Duration.ofSeconds(seconds));
        }
    }

    /**
     * Both phases against an audit-service of its own (a fresh database with the production roles), on {@code broker}:
     * {@code events} as fast as they go, then {@code rate} per second for {@code duration}. Also the audit part of
     * bench/hotpath.
     */
    public static void run(KafkaTestBroker broker, OidcTestServer oidc, int events, int rate, Duration duration) throws Exception {
        try (AuditDatabase audit = AuditDatabase.create();
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker), new StringSerializer(),
                     new StringSerializer())) {
            Stored stored = new Stored(audit);
            Publisher publisher = new Publisher(producer);
            Profile profile = Profile.fromSystemProperty();
            Ingestion ingestion = new Ingestion(publisher, stored);
            try (ServiceProcess service = ingestion.run(events, () -> ServiceProcess.start("audit-service",
                    ServiceProcess.freePort(), config(audit, broker, oidc), profile.jvmOptions()))) {
                profile.stop(service);
                new Lag(publisher, stored).run(rate, duration);
            }
        }
    }

    /**
     * Batches of up to 256 KiB compressed with LZ4 for the backlog; a 5 ms linger, so an event of the lag phase waits
     * at most that long in the producer.
     */
    private static Map<String, Object> producerConfig(KafkaTestBroker broker) {
        return Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all", "linger.ms", 5,
                "batch.size", 256 * 1024, "compression.type", "lz4");
    }

    /** audit-service's settings here: {@code audit}'s roles, the broker, the OIDC server; bench/hotpath starts one with them. */
    public static Map<String, String> config(AuditDatabase audit, KafkaTestBroker broker, OidcTestServer oidc) {
        Map<String, String> config = new HashMap<>(audit.serviceConfig());
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", oidc.issuerUrl());
        config.put("quarkus.oidc.token.audience", OidcTestServer.AUDIENCE);
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("mp.messaging.incoming.events.group.id", "audit-bench-" + UUID.randomUUID());
        return config;
    }

    /** Publishes events spread over the tenants, timestamped when sent. */
    static final class Publisher {
        private final KafkaProducer<String, String> producer;
        private long sent;

        Publisher(KafkaProducer<String, String> producer) {
            this.producer = producer;
        }

        /** Sends one event now; returns it. */
        CloudEvent send() {
            long n = sent++;
            UUID connection = UUID.randomUUID();
            EventData data = n % 4 == 0 ? new ConnectionTested(connection, true, 200, 12, "ok")
                    : new CredentialsRead(connection, "production", false);
            CloudEvent event = EventJson.envelope(data, EventPublisher.sourceOf(data.eventType()), "tenant-" + (n % TENANTS),
                    "service:bench-runner");
            producer.send(new ProducerRecord<>(data.eventType().topic(), event.subject(), EventJson.write(event)));
            return event;
        }

        void publishAll(int count) {
            for (int i = 0; i < count; i++) {
                send();
            }
            producer.flush();
        }
    }

    /** What the service has stored, read as the database's owner. */
    static final class Stored {
        private final AuditDatabase audit;

        Stored(AuditDatabase audit) {
            this.audit = audit;
        }

        long count() throws SQLException {
            try (Connection connection = audit.database().connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT count(*) FROM audit.audit_events")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        Connection connect() throws SQLException {
            return audit.database().connect();
        }
    }
}
