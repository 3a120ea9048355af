package dev.latchkey.bench.audit;

import dev.latchkey.events.CloudEvent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lag from publish to queryable at a steady rate: events go out at {@code rate} per second for a while; every
 * tenth is a sample, and a watcher asks the database every 5 ms which samples a query finds yet. A sample's lag is
 * from its publish to the first query that found it (so it includes up to 5 ms of the watcher's own period).
 */
final class Lag {

    private static final int SAMPLE_EVERY = 10;
    private static final Duration WATCH_PERIOD = Duration.ofMillis(5);

    private final AuditBenchmark.Publisher publisher;
    private final AuditBenchmark.Stored stored;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final List<Long> lagsMillis = Collections.synchronizedList(new ArrayList<>());

    Lag(AuditBenchmark.Publisher publisher, AuditBenchmark.Stored stored) {
        this.publisher = publisher;
        this.stored = stored;
    }

    void run(int rate, Duration duration) throws Exception {
        Thread watcher = new Thread(this::watch, "lag-watcher");
        watcher.setDaemon(true);
        watcher.start();
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            CloudEvent event = publisher.send();
            if (i % SAMPLE_EVERY == 0) {
                pending.put(event.id(), event.time());
            }
        }
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        Instant deadline = Instant.now().plusSeconds(60);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        watcher.interrupt();
        List<Long> lags = new ArrayList<>(lagsMillis);
        Collections.sort(lags);
        System.out.printf("lag: %d events at %d/s for %d s (achieved %.0f/s), %d sampled%n", total, rate, duration.toSeconds(),
                achieved, lags.size());
        System.out.printf("  publish -> queryable: p50 %d ms, p99 %d ms, max %d ms; never found: %d%n", percentile(lags, 0.50),
                percentile(lags, 0.99), lags.isEmpty() ? 0 : lags.get(lags.size() - 1), pending.size());
    }

    private void watch() {
        try (Connection connection = stored.connect();
             PreparedStatement found = connection.prepareStatement("SELECT event_id FROM audit.audit_events WHERE event_id = ANY (?)")) {
            while (!Thread.currentThread().isInterrupted()) {
                if (!pending.isEmpty()) {
                    Array ids = connection.createArrayOf("uuid", pending.keySet().toArray());
                    found.setArray(1, ids);
                    try (var rows = found.executeQuery()) {
                        Instant now = Instant.now();
                        while (rows.next()) {
                            Instant published = pending.remove(rows.getObject(1, UUID.class));
                            if (published != null) {
                                lagsMillis.add(Duration.between(published, now).toMillis());
                            }
                        }
                    }
                }
                Thread.sleep(WATCH_PERIOD.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the lag watcher failed: " + e.getMessage(), e);
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
