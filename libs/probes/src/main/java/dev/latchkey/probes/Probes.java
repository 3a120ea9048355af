package dev.latchkey.probes;

import dev.latchkey.platform.outbound.OutboundUrlGuard;
import dev.latchkey.platform.text.Redaction;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs "test connection" for native connectors: finds the probe of a catalog driver, runs it on a thread of
 * its own bounded by the timeout, and turns the outcome into a {@link ProbeResult}; a driver without a probe is
 * {@linkplain ProbeResult#untested untested}. Blocking: call it from a worker thread.
 */
public final class Probes {

    /** Extra time for the client's own timeouts, set to the same value, to fire first: they say more. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Map<String, Probe> byDriver;
    private final OutboundUrlGuard guard;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "latchkey-probe");
        thread.setDaemon(true);
        return thread;
    });

    public Probes(Collection<Probe> probes, OutboundUrlGuard guard) {
        this.byDriver = probes.stream().flatMap(probe -> probe.drivers().stream().map(driver -> Map.entry(driver, probe)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.guard = guard;
    }

    /** Every probe of this module. */
    public static Probes all(OutboundUrlGuard guard) {
        return new Probes(List.of(
                new PostgresProbe(), new MariaDbProbe(), new RedisProbe(), new RabbitMqProbe(), new KafkaProbe(),
                new NatsProbe(), new MqttProbe(), new SftpProbe(), new FtpProbe(), new MongoProbe(), new SearchProbe(),
                new S3Probe(), new LdapProbe(), new MailProbe(), new CouchDbProbe(),
                new InfluxDbProbe(), new ActiveMqProbe(), new AzureBlobProbe(),
                new ClickHouseProbe(), new SqlServerProbe()), guard);
    }

    /** The drivers that have a probe. */
    public Set<String> drivers() {
        return byDriver.keySet();
    }

    public ProbeResult test(String driver, Map<String, Object> parameters, Duration timeout) {
        long started = System.nanoTime();
        Probe probe = byDriver.get(driver);
        if (probe == null) {
            // Nothing was tried, so nothing failed: the status stays as it is, as for a scheme with nothing to test.
            return ProbeResult.untested("Latchkey has no connection test for " + driver + " yet; the credentials are"
                    + " checked when a workflow uses them");
        }
        ProbeTarget target = new ProbeTarget(driver, parameters, guard, timeout);
        Future<String> run = executor.submit(() -> probe.probe(target));
        try {
            String message = run.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return ProbeResult.success(message, since(started)).redacted(Redaction.of(target.secretValues()));
        } catch (TimeoutException e) {
            run.cancel(true);
            return ProbeResult.failure(FailureCategory.TIMEOUT, "no answer within " + timeout.toSeconds() + " s", since(started));
        } catch (ExecutionException e) {
            ProbeFailure failure = FailureClassifier.classify(e.getCause());
            return ProbeResult.failure(failure.category(), failure.getMessage(), since(started))
                    .redacted(Redaction.of(target.secretValues()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel(true);
            return ProbeResult.failure(FailureCategory.TIMEOUT, "interrupted", since(started));
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
