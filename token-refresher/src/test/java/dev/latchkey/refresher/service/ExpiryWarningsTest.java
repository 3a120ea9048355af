package dev.latchkey.refresher.service;

import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token that will end with nothing to refresh it is announced once, a threshold (three days) ahead. */
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
        await("the warning's schedule", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 1);

        assertTrue(onVertx(() -> workers.warnDue()) >= 1);
        assertEquals(0, onVertx(() -> workers.warnDue()), "announced once");

        String warning = tokenEvents(id, "token.expiring").get(0);
        assertTrue(warning.contains("\"expiresAt\":\"" + expiresAt + "\""), warning);
        assertEquals(0, count("SELECT count(*) FROM refresh_schedule WHERE connection_id = $1", id), "nothing to refresh");
    }

    @Test
    void aTokenFarFromItsEndIsNotAnnouncedYetAndADeletedOneNever() {
        UUID id = UUID.randomUUID();
        EventPublisher.publish(bootstrapServers, tenant, new ConnectionAuthorized(id, authConfig, "production",
                Instant.now().plus(Duration.ofDays(30)), List.of("read"), false));
        await("the warning's schedule", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 1);
        assertEquals(0, count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1 AND warn_at <= now()", id));

        EventPublisher.publish(bootstrapServers, tenant, new ConnectionDeleted(id, authConfig, false));

        await("the warning's removal", () -> count("SELECT count(*) FROM expiry_warnings WHERE connection_id = $1", id) == 0);
    }
}
