package dev.latchkey.refresher.service;

import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token that will end with nothing to refresh it is announced at each threshold before its end (7 days, 1 day and
 * 1 hour by default), once per threshold; thresholds already past when it is authorized share one warning.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ExpiryWarningsTest extends RefresherTestBase {

    @Test
    void aTokenWithoutARefreshTokenIsAnnouncedOnceBeforeItEnds() {
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        EventPublisher.publish(bootstrapServers, tenant, new ConnectionAuthorized(id, authConfig, "production", expiresAt,
                List.of("read"), false));
        Eventually.until("the warning's schedule", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 1);

        assertTrue(onVertx(() -> workers.warnDue()) >= 1);
        assertEquals(0, onVertx(() -> workers.warnDue()), "announced once");

        String warning = tokenEvents(id, "token.expiring").get(0);
        assertTrue(warning.contains("\"expiresAt\":\"" + expiresAt + "\""), warning);
        assertEquals(0, count("SELECT count(*) FROM refresh_schedule WHERE connection_id = $1", id), "nothing to refresh");
    }

    @Test
    void aTokenIsAnnouncedAgainAtEachSmallerThresholdAndThenNoMore() {
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        EventPublisher.publish(bootstrapServers, tenant, new ConnectionAuthorized(id, authConfig, "production", expiresAt,
                List.of("read"), false));
        Eventually.until("the warning's schedule", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 1);

        onVertx(() -> workers.warnDue());
        assertEquals(1, count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1 AND warn_at = expires_at - interval '1 day'", id),
                "inside seven days at once; next at one day before the end");
        passNextThreshold(id);
        onVertx(() -> workers.warnDue());
        assertEquals(1, count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1 AND warn_at = expires_at - interval '1 hour'", id));
        passNextThreshold(id);
        onVertx(() -> workers.warnDue());
        assertEquals(0, count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id), "the last threshold passed");

        AtomicInteger warnings = new AtomicInteger();
        TopicReader.readUntil(bootstrapServers, Topics.TOKENS, record -> record.key().equals(id.toString())
                && record.value().contains("token.expiring") && warnings.incrementAndGet() == 3, Duration.ofSeconds(20));
        assertEquals(3, warnings.get(), "one warning per threshold");
    }

    @Test
    void aTokenFarFromItsEndIsNotAnnouncedYetAndADeletedOneNever() {
        UUID id = UUID.randomUUID();
        EventPublisher.publish(bootstrapServers, tenant, new ConnectionAuthorized(id, authConfig, "production",
                Instant.now().plus(Duration.ofDays(30)), List.of("read"), false));
        Eventually.until("the warning's schedule", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 1);
        assertEquals(0, count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1 AND warn_at <= now()", id));

        EventPublisher.publish(bootstrapServers, tenant, new ConnectionDeleted(id, authConfig, false));

        Eventually.until("the warning's removal", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 0);
    }

    /** Moves the connection's token towards its end until its next threshold is reached, as time passing would. */
    private void passNextThreshold(UUID connection) {
        pool.preparedQuery("UPDATE expiry_warnings SET expires_at = expires_at - (warn_at - now()), warn_at = now() WHERE connection_id = $1")
                .execute(Tuple.of(connection)).await().indefinitely();
    }
}
