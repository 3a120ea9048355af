package dev.latchkey.refresher.service;

import dev.latchkey.platform.expiry.ExpiryThresholds;
import dev.latchkey.oauth.RefreshOutcome;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.events.TokenEventWriter;
import dev.latchkey.refresher.repository.ExpiryWarnings;
import dev.latchkey.refresher.repository.RefreshSchedule;
import dev.latchkey.testing.ScriptedTokenEndpoint.Answer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule's workers: due connections only, each refreshed once however many workers and callers race. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class WorkersTest extends RefresherTestBase {

    @Inject
    RefreshSchedule schedule;

    @Inject
    Refresher refresher;

    @Inject
    RefreshMetrics metrics;

    @Inject
    ExpiryWarnings warnings;

    @Inject
    TokenEventWriter events;

    @Inject
    ExpiryThresholds thresholds;

    @Test
    void aWorkerRefreshesWhatIsDueAndLeavesTheRest() {
        UUID due = connection("refresh-due", Duration.ofMinutes(2));
        UUID later = connection("refresh-later", Duration.ofHours(2));

        drainDue();

        assertEquals(1, provider.requestsWith("refresh-due"));
        assertEquals(0, provider.requestsWith("refresh-later"));
        assertTrue(scheduled(due).getOffsetDateTime("refresh_at").toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(45))));
        assertEquals("refresh-later", tokens(later).get("refreshToken"));
    }

    @Test
    void threeWorkersAndTwoHundredCallersRefreshEachConnectionExactlyOnce() throws Exception {
        List<UUID> connections = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            connections.add(connection("refresh-race-" + i, Duration.ofMinutes(1)));
        }
        List<RefreshWorker> replicas = List.of(replica(), replica(), replica());

        var pool = Executors.newFixedThreadPool(24);
        List<Future<Integer>> calls = new ArrayList<>();
        for (RefreshWorker replica : replicas) {
            calls.add(pool.submit(() -> onVertx(replica::refreshDue)));
        }
        for (int i = 0; i < 200; i++) {
            UUID connection = connections.get(i % connections.size());
            calls.add(pool.submit(() -> refreshNow(connection).extract().statusCode()));
        }
        for (Future<Integer> call : calls) {
            call.get(90, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (int i = 0; i < connections.size(); i++) {
            assertEquals(1, provider.requestsWith("refresh-race-" + i), "token requests of connection " + i);
            String stored = tokens(connections.get(i)).get("refreshToken");
            assertEquals(0, provider.requestsWith(stored), "the newest rotated token is stored, unused yet");
        }
        assertEquals(connections.size(), provider.requests().size());
    }

    @Test
    void aWorkerPausedPastItsLeaseCannotOverwriteTheNewerToken() {
        UUID id = connection("refresh-0", Duration.ofMinutes(1));
        provider.then(Answer.json(200, "{\"access_token\": \"stale\", \"refresh_token\": \"stale-refresh\", \"expires_in\": 3600}")
                .after(Duration.ofMillis(1500)));
        pool.preparedQuery("UPDATE refresh_schedule SET lease_owner = 'worker:paused', lease_until = now() + interval '500 milliseconds'"
                + " WHERE connection_id = $1").execute(Tuple.of(id)).await().indefinitely();
        ScheduledRefresh held = new ScheduledRefresh(id, tenant, authConfig, Instant.now().plus(Duration.ofMinutes(1)), 0, null, Instant.now());

        var paused = Executors.newSingleThreadExecutor().submit(() -> onVertx(() -> refresher.refresh(held, "worker:paused", "service:test")));
        sleep(Duration.ofMillis(700));
        refreshNow(id).statusCode(200);
        RefreshOutcome late = getQuietly(paused);

        assertEquals(false, late.refreshed(), "the paused worker's answer was dropped");
        assertEquals("access-1", tokens(id).get("accessToken"));
        assertTrue(!tokens(id).containsValue("stale-refresh"));
    }

    private static RefreshOutcome getQuietly(Future<RefreshOutcome> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A worker of another replica, on the same schedule. */
    private RefreshWorker replica() {
        return new RefreshWorker(schedule, refresher, config, metrics, warnings, events, thresholds);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
