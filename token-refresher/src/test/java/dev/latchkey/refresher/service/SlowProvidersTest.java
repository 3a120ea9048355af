package dev.latchkey.refresher.service;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.MisbehavingEndpoint;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant's token endpoints that drip their answer a byte at a time or send 100 MB, against real endpoints on
 * loopback, while another tenant's tokens come due: those are refreshed on time, and the slow ones fail at the
 * deadline ({@code token-timeout}, 2 s in tests) as failures to retry later.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class SlowProvidersTest extends RefresherTestBase {

    /** How long a drip would hold a refresh that had no deadline: far beyond every bound below. */
    private static final Duration DRIP = Duration.ofSeconds(60);
    /** Well below the drip, with room for a slow, busy 2-core machine. */
    private static final Duration ON_TIME = Duration.ofSeconds(12);
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @Test
    void aDrippingAndAHugeTokenEndpointDoNotDelayAnotherTenantsRefreshes() throws Exception {
        try (var drip = MisbehavingEndpoint.dripping(Duration.ofMillis(500), DRIP.toMillis() / 500);
             var flood = MisbehavingEndpoint.flooding(HUNDRED_MB, false)) {
            String attacker = newTenant();
            UUID dripping = authConfig(attacker, drip.url("/token"));
            UUID huge = authConfig(attacker, flood.url("/token"));
            // Due first, and filling a whole batch: a worker that waited for its batch would wait for the drips.
            List<UUID> slow = new ArrayList<>();
            for (int i = 0; i < config.batchSize() - 1; i++) {
                slow.add(connection(attacker, dripping, "refresh-drip-" + i, Duration.ofMinutes(1)));
            }
            UUID hundredMegabytes = connection(attacker, huge, "refresh-huge", Duration.ofMinutes(1));
            List<UUID> onTime = List.of(connection("refresh-b-0", Duration.ofMinutes(2)), connection("refresh-b-1", Duration.ofMinutes(2)));

            ExecutorService worker = Executors.newSingleThreadExecutor();
            var run = worker.submit(this::drainDue);
            Eventually.until("the other tenant's tokens are refreshed", ON_TIME,
                    () -> onTime.stream().allMatch(id -> tokens(id).get("accessToken").startsWith("access-") && !tokens(id).get("accessToken").equals("access-0")));
            Eventually.until("the slow refreshes have failed", ON_TIME, () -> slow.stream().allMatch(id -> scheduled(id).getInteger("attempts") == 1));
            run.get(60, TimeUnit.SECONDS);
            worker.shutdown();

            for (UUID id : List.of(slow.get(0), hundredMegabytes)) {
                Row row = scheduled(id);
                assertEquals(1, row.getInteger("attempts"), "retried later");
                assertEquals("unreachable", row.getString("last_error"));
                assertNull(row.getString("lease_owner"), "the lease is released");
                assertTrue(row.getOffsetDateTime("refresh_at").toInstant().isAfter(Instant.now().plusSeconds(15)), "after a backoff");
                String failed = tokenEvents(id, "token.refresh_failed").get(0);
                assertTrue(failed.contains("\"permanent\":false") && failed.contains("\"nextAttemptAt\""), failed);
            }
            Eventually.until("every drip's connection is dropped", () -> drip.hungUp() == slow.size());
            assertTrue(flood.mostBodyBytesSent() < HUNDRED_MB / 4, "the huge answer was not read: " + flood.mostBodyBytesSent() + " bytes sent");
        }
    }

    @Test
    void anOnDemandRefreshAtADrippingEndpointAnswers502AtTheDeadline() {
        try (var drip = MisbehavingEndpoint.dripping(Duration.ofMillis(500), DRIP.toMillis() / 500)) {
            UUID id = connection(tenant, authConfig(tenant, drip.url("/token")), "refresh-drip", Duration.ofMinutes(1));
            long started = System.nanoTime();

            refreshNow(id).statusCode(502).body("detail", containsString("no complete answer within 2000 ms"));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(config.tokenTimeout()) >= 0 && took.compareTo(ON_TIME) < 0, "answered after " + took);
            assertEquals("unreachable", scheduled(id).getString("last_error"));
            Eventually.until("the drip's connection is dropped", () -> drip.hungUp() == 1);
        }
    }
}
