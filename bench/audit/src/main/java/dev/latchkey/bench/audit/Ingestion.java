package dev.latchkey.bench.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * Sustained ingestion: {@code n} events published as fast as the producer goes, and how many per second the
 * service stores, from the first publish to the last entry stored.
 */
final class Ingestion {

    private final AuditBenchmark.Publisher publisher;
    private final AuditBenchmark.Stored stored;

    Ingestion(AuditBenchmark.Publisher publisher, AuditBenchmark.Stored stored) {
        this.publisher = publisher;
        this.stored = stored;
    }

    void run(int n) throws Exception {
        long before = stored.count();
        Instant start = Instant.now();
        publisher.publishAll(n);
        Instant published = Instant.now();
        Instant done = stored.await(before + n);
        double seconds = Duration.between(start, done).toMillis() / 1000.0;
        System.out.printf("ingestion: %d events over %d tenants%n", n, AuditBenchmark.TENANTS);
        System.out.printf("  published in %.1f s; all stored after %.1f s: %.0f events/s%n",
                Duration.between(start, published).toMillis() / 1000.0, seconds, n / seconds);
    }
}
