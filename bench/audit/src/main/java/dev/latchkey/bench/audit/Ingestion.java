package dev.latchkey.bench.audit;

import dev.latchkey.testing.ServiceProcess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Sustained ingestion, the service's and not the producer's: a backlog of {@link #WARM_UP} plus {@code n} events is
 * published before the service starts; the service then drains it, and the clock runs from when the first
 * {@link #WARM_UP} entries are stored (the service is up and its code warm) until all are: the figure is how many of
 * the {@code n} it stored per second.
 */
final class Ingestion {

    static final int WARM_UP = 2_000;
    private static final String NEWER = "SELECT count(*), coalesce(max(seq), 0) FROM audit.audit_events WHERE seq > ?";
    /** Until the service has migrated its schema. */
    private static final String UNDEFINED_TABLE = "42P01";
    private static final Duration COUNT_EVERY = Duration.ofMillis(20);
    /** Far longer than draining a run's events takes here: a consumer that stops ends the run instead of hanging it. */
    private static final Duration DRAINED_WITHIN = Duration.ofMinutes(10);

    private final AuditBenchmark.Publisher publisher;
    private final AuditBenchmark.Stored stored;

    Ingestion(AuditBenchmark.Publisher publisher, AuditBenchmark.Stored stored) {
        this.publisher = publisher;
        this.stored = stored;
    }

    /** Publishes the backlog, starts the service with {@code start}, measures the drain; returns the running service. */
    ServiceProcess run(int n, Callable<ServiceProcess> start) throws Exception {
        Instant publishing = Instant.now();
        publisher.publishAll(WARM_UP + n);
        double publishSeconds = Duration.between(publishing, Instant.now()).toMillis() / 1000.0;
        CompletableFuture<Drain> drain = CompletableFuture.supplyAsync(() -> watch(WARM_UP + n));
        ServiceProcess service = start.call();
        Drain drained = drain.join();
        double seconds = Duration.between(drained.warm(), drained.done()).toMillis() / 1000.0;
        System.out.printf("ingestion: %d events over %d tenants, published before the service started (in %.1f s)%n",
                WARM_UP + n, AuditBenchmark.TENANTS, publishSeconds);
        System.out.printf("  after the first %d stored, the other %d in %.1f s: %.0f events/s%n", WARM_UP, n, seconds, n / seconds);
        return service;
    }

    /** When the warm-up was stored, and when all {@code total} were. */
    private record Drain(Instant warm, Instant done) {
    }

    /**
     * Polls what the service has stored, reading only the rows after the highest {@code seq} seen so far: a count of
     * the whole table every 20 ms would cost PostgreSQL as much as a good part of the ingestion. Exact here, where one
     * consumer commits its batches one after another (so in {@code seq} order).
     */
    private Drain watch(long total) {
        Instant deadline = Instant.now().plus(DRAINED_WITHIN);
        Instant warm = null;
        long seen = 0;
        long highestSeq = 0;
        try (Connection connection = stored.connect(); PreparedStatement newer = connection.prepareStatement(NEWER)) {
            while (Instant.now().isBefore(deadline)) {
                newer.setLong(1, highestSeq);
                try (ResultSet rows = newer.executeQuery()) {
                    rows.next();
                    seen += rows.getLong(1);
                    highestSeq = Math.max(highestSeq, rows.getLong(2));
                } catch (SQLException e) {
                    if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
                Instant now = Instant.now();
                if (warm == null && seen >= WARM_UP) {
                    warm = now;
                }
                if (seen >= total) {
                    return new Drain(warm, now);
                }
                Thread.sleep(COUNT_EVERY.toMillis());
            }
        } catch (Exception e) {
            throw new IllegalStateException("counting stored entries failed: " + e.getMessage(), e);
        }
        throw new IllegalStateException(total + " entries not stored within " + DRAINED_WITHIN.toMinutes() + " minutes");
    }
}
