package dev.latchkey.audit;

import dev.latchkey.audit.service.RetentionJob;
import dev.latchkey.events.EventJson;
import dev.latchkey.testing.Eventually;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventType;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each tenant's entries form a hash chain: verify finds an altered, a removed and a dropped-last entry, and retention keeps it whole. */
@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class AuditChainTest extends AuditTestBase {

    @Inject
    RetentionJob retention;

    @Test
    void anUntouchedChainVerifies() {
        publishSeveral(5);

        asAdmin().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("verified", equalTo(true)).body("checked", equalTo(5)).body("firstBrokenLink", nullValue());
    }

    @Test
    void anEntryAlteredInTheDatabaseIsNamed() {
        List<UUID> events = publishSeveral(5);
        UUID third = events.get(2);
        assertEquals(1, asOwner("UPDATE audit_events SET outcome = 'failure' WHERE event_id = ?", third));

        asAdmin().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("verified", equalTo(false)).body("checked", equalTo(2))
                .body("firstBrokenLink.eventId", equalTo(third.toString()))
                .body("firstBrokenLink.position", equalTo(3))
                .body("firstBrokenLink.reason", containsString("altered"));
    }

    @Test
    void anEntryRemovedFromTheMiddleIsFound() {
        List<UUID> events = publishSeveral(5);
        assertEquals(1, asOwner("DELETE FROM audit_events WHERE event_id = ?", events.get(1)));

        asAdmin().get("/api/v1/audit-events/verify").then()
                .body("verified", equalTo(false)).body("firstBrokenLink.position", equalTo(2))
                .body("firstBrokenLink.reason", containsString("missing"));
    }

    @Test
    void removingTheNewestEntriesShowsAsAMissingHead() {
        List<UUID> events = publishSeveral(4);
        assertEquals(1, asOwner("DELETE FROM audit_events WHERE event_id = ?", events.get(3)));

        asAdmin().get("/api/v1/audit-events/verify").then()
                .body("verified", equalTo(false)).body("checked", equalTo(3))
                .body("firstBrokenLink.position", equalTo(4))
                .body("firstBrokenLink.reason", containsString("last entry"));
    }

    @Test
    void retentionCutsTheOldestAndTheChainStillVerifiesAcrossTheCut() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(500));
        for (int i = 0; i < 3; i++) {
            EventPublisher.publish(bootstrapServers, event(EventType.TOKEN_REFRESHED, tenant, "service:token-refresher", longAgo));
        }
        // Stored before the recent ones are published: events of different aggregates may arrive in any order, and
        // retention cuts a prefix of the chain.
        Eventually.until("three old entries", () -> stored() == 3);
        List<UUID> recent = publishSeveral(2);
        Eventually.until("five entries", () -> stored() == 5);

        assertTrue(retention.cut().await().atMost(Duration.ofSeconds(30)) >= 3);

        assertEquals(2, stored(), "the two within 400 days stay");
        assertEquals(3, count("SELECT cut_seq FROM audit_chains WHERE tenant = ?", tenant));
        asAdmin().get("/api/v1/audit-events/verify").then()
                .body("verified", equalTo(true)).body("checked", equalTo(2));

        asOwner("UPDATE audit_events SET prev_hash = hash WHERE event_id = ?", recent.get(0));
        asAdmin().get("/api/v1/audit-events/verify").then()
                .body("verified", equalTo(false)).body("firstBrokenLink.eventId", equalTo(recent.get(0).toString()));
    }

    @Test
    void twoReplicasAppendingToOneTenantAtOnceKeepOneUnbrokenChain() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(EventJson.write(event(EventType.ACCESS_CREDENTIALS_READ, tenant, "service:runner", Instant.now())));
            }
            batches.add(batch);
        }
        List<CompletableFuture<List<CloudEvent>>> replicas = batches.stream().map(this::handleOnVertx).toList();
        for (CompletableFuture<List<CloudEvent>> replica : replicas) {
            assertEquals(50, replica.get(60, TimeUnit.SECONDS).size());
        }

        assertEquals(100, stored());
        assertEquals(100, count("SELECT count(DISTINCT chain_seq) FROM audit_events WHERE tenant = ? AND chain_seq BETWEEN 1 AND 100", tenant));
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(100));
    }

    /**
     * Publishes {@code n} events, waits until each is stored, and returns their ids in the order the log received
     * them, which for events of different aggregates need not be the order they were published in.
     */
    private List<UUID> publishSeveral(int n) {
        Set<String> published = new HashSet<>();
        for (int i = 0; i < n; i++) {
            published.add(publish(EventType.CONNECTION_TESTED, "user:alice").id().toString());
        }
        Eventually.until(n + " entries", () -> published.stream().allMatch(id ->
                count("SELECT count(*) FROM audit_events WHERE event_id = ?", UUID.fromString(id)) == 1));
        List<String> oldestFirst = new ArrayList<>(receivedNewestFirst());
        Collections.reverse(oldestFirst);
        return oldestFirst.stream().filter(published::contains).map(UUID::fromString).toList();
    }
}
