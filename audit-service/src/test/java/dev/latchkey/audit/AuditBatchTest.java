package dev.latchkey.audit;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventType;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A polled batch is stored in a handful of statements: what that could break. Each event is still stored once
 * (a redelivered batch, an event twice in one batch, one batch handed to several replicas at once: the log's unique event
 * ids decide, asked under the chains' locks), replicas appending batches that interleave tenants still leave
 * one unbroken chain per tenant, and a record that is not a readable event is skipped without losing or doubling the
 * others.
 */
@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class AuditBatchTest extends AuditTestBase {

    @Test
    void aRedeliveredBatchIsStoredOnceEach() throws Exception {
        List<String> batch = records(tenant, 20);

        assertEquals(20, stored(handleOnVertx(batch)).size());
        assertEquals(0, stored(handleOnVertx(batch)).size(), "the redelivered batch stores nothing");

        assertEquals(20, stored());
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(20));
    }

    @Test
    void aBatchOverlappingAnEarlierOneStoresOnlyItsNewEventsInOrderAndAnEventTwiceOnce() throws Exception {
        List<String> all = records(tenant, 10);
        stored(handleOnVertx(all.subList(0, 4)));
        List<String> overlapping = new ArrayList<>(all);
        overlapping.add(5, all.get(5));

        List<CloudEvent> fresh = stored(handleOnVertx(overlapping));

        assertEquals(all.subList(4, 10).stream().map(record -> EventJson.read(record).id()).toList(),
                fresh.stream().map(CloudEvent::id).toList());
        assertEquals(10, stored());
        assertEquals(1, count("SELECT count(*) FROM audit_events WHERE event_id = ?", EventJson.read(all.get(5)).id()));
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(10));
    }

    @Test
    void twoReplicasAppendingBatchesThatInterleaveTenantsKeepOneUnbrokenChainPerTenant() throws Exception {
        List<String> tenants = List.of("tenant-" + UUID.randomUUID(), "tenant-" + UUID.randomUUID(), "tenant-" + UUID.randomUUID());
        List<CompletableFuture<List<CloudEvent>>> replicas = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                first.add(record(tenants.get(i % 3)));
                second.add(record(tenants.get(2 - i % 3)));
            }
            replicas.add(handleOnVertx(first));
            replicas.add(handleOnVertx(second));
        }
        for (CompletableFuture<List<CloudEvent>> replica : replicas) {
            assertEquals(30, stored(replica).size());
        }

        for (String each : tenants) {
            assertEquals(60, count("SELECT count(*) FROM audit_events WHERE tenant = ?", each));
            assertEquals(60, count("SELECT count(DISTINCT chain_seq) FROM audit_events WHERE tenant = ? AND chain_seq BETWEEN 1 AND 60", each));
            assertEquals(60, count("SELECT head_seq FROM audit_chains WHERE tenant = ?", each));
            as(each, "admin").get("/api/v1/audit-events/verify").then()
                    .body("verified", equalTo(true)).body("checked", equalTo(60));
        }
    }

    @Test
    void twoReplicasHandedTheSameBatchAtOnceStoreEachEventOnce() throws Exception {
        // As after a rebalance, when the replica that lost a partition still finishes the batch the other one polls again.
        String other = "tenant-" + UUID.randomUUID();
        List<String> batch = new ArrayList<>(records(tenant, 15));
        List<String> otherTenant = records(other, 15);
        for (int i = 0; i < otherTenant.size(); i++) {
            batch.add(2 * i, otherTenant.get(i));
        }
        List<CompletableFuture<List<CloudEvent>>> replicas = List.of(handleOnVertx(batch), handleOnVertx(batch), handleOnVertx(batch));

        int storedByReplicas = 0;
        for (CompletableFuture<List<CloudEvent>> replica : replicas) {
            storedByReplicas += stored(replica).size();
        }
        assertEquals(30, storedByReplicas, "each event stored by one replica");
        assertEquals(30, count("SELECT count(DISTINCT event_id) FROM audit_events WHERE tenant IN (?, ?)", tenant, other));
        assertEquals(30, count("SELECT count(*) FROM audit_events WHERE tenant IN (?, ?)", tenant, other));
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(15));
        as(other, "admin").get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(15));
    }

    @Test
    void recordsThatAreNotReadableEventsAreSkippedAndTheOthersStoredOnce() throws Exception {
        List<String> good = records(tenant, 3);
        CloudEvent madeUp = event(EventType.ACCESS_CREDENTIALS_READ, tenant, "service:runner", Instant.now());
        CloudEvent fromTheWrongSource = new CloudEvent(madeUp.specversion(), madeUp.id(), URI.create("//latchkey/intruder"),
                madeUp.type(), madeUp.subject(), madeUp.time(), madeUp.datacontenttype(), madeUp.dataschema(), tenant,
                madeUp.actor(), madeUp.actorname(), madeUp.data());
        List<String> batch = List.of(good.get(0), "{not an event", good.get(1), EventJson.write(fromTheWrongSource), "", good.get(2));

        assertEquals(3, stored(handleOnVertx(batch)).size());
        assertEquals(0, stored(handleOnVertx(batch)).size());

        assertEquals(3, stored());
        assertEquals(0, count("SELECT count(*) FROM audit_events WHERE event_id = ?", madeUp.id()));
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(3));
    }

    @Test
    void aMalformedRecordOnATopicDoesNotHoldUpTheEventsAroundIt() {
        List<String> good = records(tenant, 4);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            String topic = EventType.ACCESS_CREDENTIALS_READ.topic();
            producer.send(new ProducerRecord<>(topic, "k", good.get(0)));
            producer.send(new ProducerRecord<>(topic, "k", good.get(1)));
            producer.send(new ProducerRecord<>(topic, "k", "{\"id\": \"not a uuid\""));
            producer.send(new ProducerRecord<>(topic, "k", good.get(2)));
            producer.send(new ProducerRecord<>(topic, "k", good.get(3)));
            producer.send(new ProducerRecord<>(topic, "k", good.get(0)));
        }

        Eventually.until("the four events", () -> stored() == 4);
        for (String record : good) {
            assertEquals(1, count("SELECT count(*) FROM audit_events WHERE event_id = ?", EventJson.read(record).id()));
        }
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true)).body("checked", equalTo(4));
    }

    private static List<String> records(String tenant, int n) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(record(tenant));
        }
        return records;
    }

    private static String record(String tenant) {
        return EventJson.write(event(EventType.ACCESS_CREDENTIALS_READ, tenant, "service:runner", Instant.now()));
    }

    private static List<CloudEvent> stored(CompletableFuture<List<CloudEvent>> handled) throws Exception {
        return handled.get(60, TimeUnit.SECONDS);
    }
}
