package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.Housekeeping;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing that holds a secret or a way in outlives its use (OWASP API4): expired authorization requests (with their
 * PKCE verifiers), expired connect sessions and connections nobody authorized are removed, the last with an event;
 * a connection that ever held tokens stays.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class HousekeepingTest extends ConnectionTestBase {

    @Inject
    Housekeeping housekeeping;

    @Test
    void anAbandonedAuthorizationIsRemovedWithItsVerifierAndItsConnectionAnnouncedDeleted() throws Throwable {
        UUID authConfig = oauthAuthConfig(Map.of());
        String abandoned = startConnecting(authConfig).id();
        String authorized = connectAccount(authConfig);
        assertEquals(1, count("SELECT count(*) FROM authorizations WHERE connection_id = $1", UUID.fromString(abandoned)));

        purgeAt(Instant.now().plus(Duration.ofHours(25)));

        as("viewer").get(CONNECTIONS + "/" + abandoned).then().statusCode(404);
        as("viewer").get(CONNECTIONS + "/" + authorized).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals(0, count("SELECT count(*) FROM authorizations WHERE connection_id = $1", UUID.fromString(abandoned)));
        var events = TopicReader.readUntil(bootstrapServers, Topics.CONNECTIONS,
                record -> record.key().equals(abandoned) && record.value().contains("connection.deleted"), Duration.ofSeconds(20));
        assertTrue(events.get(events.size() - 1).value().contains("service:connected-apps-service"));
    }

    @Test
    void aFlowStillUnderWayIsLeftAlone() throws Throwable {
        String pending = startConnecting(oauthAuthConfig(Map.of())).id();

        purgeAt(Instant.now());

        as("viewer").get(CONNECTIONS + "/" + pending).then().statusCode(200).body("status", equalTo("PENDING"));
        assertEquals(1, count("SELECT count(*) FROM authorizations WHERE connection_id = $1", UUID.fromString(pending)));
    }

    @Test
    void aConnectSessionIsRemovedADayAfterItExpired() throws Throwable {
        String token = "expired-" + UUID.randomUUID();
        pool.preparedQuery("INSERT INTO connect_sessions (token_hash, tenant, auth_config_id, environment, end_user_id, return_url,"
                        + " actor, expires_at) VALUES ($1, $2, $3, 'production', 'user-1', 'https://app.example.com', 'user:u', $4)")
                .execute(Tuple.of(token, tenant, UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(2)))
                .await().indefinitely();

        purgeAt(Instant.now());
        assertEquals(1, count("SELECT count(*) FROM connect_sessions WHERE token_hash = $1", token), "within its day of grace");

        purgeAt(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(0, count("SELECT count(*) FROM connect_sessions WHERE token_hash = $1", token));
    }

    private void purgeAt(Instant now) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> housekeeping.purge(now));
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
