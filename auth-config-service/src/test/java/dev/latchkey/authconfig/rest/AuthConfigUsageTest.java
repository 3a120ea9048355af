package dev.latchkey.authconfig.rest;

import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Usage comes from connection and access events, once per event. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class AuthConfigUsageTest extends AuthConfigTestBase {

    private static final URI SOURCE = URI.create("/latchkey/connected-apps-service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The count is what the list shows; whether an auth config is in use is connected-apps-service's word (AuthConfigInUseTest). */
    @Test
    void eachConnectionCountsOnceHoweverOftenItsEventArrives() {
        String tenant = newTenant();
        UUID id = UUID.fromString(created(tenant, apiKeyBody("shared", "k")));
        UUID connection = UUID.randomUUID();
        CloudEvent created = event(tenant, new ConnectionCreated(connection, id, "c", "production", "user-1", "api_key", "ACTIVE"));

        publish(Topics.CONNECTIONS, created);
        publish(Topics.CONNECTIONS, created);
        Eventually.until("the connection counted", () -> connectionCount(tenant, id) == 1);

        publish(Topics.CONNECTIONS, event(tenant, new ConnectionDeleted(connection, id, false)));
        Eventually.until("the connection no longer counted", () -> connectionCount(tenant, id) == 0);
    }

    /**
     * An auth config serves connections of its environment only (connected-apps-service refuses others when they are
     * made): it cannot be narrowed to one environment while connections of another use it.
     */
    @Test
    void anEnvironmentIsSetOnlyWhereTheConnectionsUsingTheAuthConfigAre() {
        String tenant = newTenant();
        UUID id = UUID.fromString(created(tenant, apiKeyBody("shared", "k")));
        publish(Topics.CONNECTIONS, event(tenant, new ConnectionCreated(UUID.randomUUID(), id, "c", "staging", "u", "api_key",
                "ACTIVE")));
        Eventually.until("the connection counted", () -> connectionCount(tenant, id) == 1);

        admin(tenant).body("{\"environment\": \"production\", \"name\": \"narrowed\"}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(409).body("detail", containsString("Connections in staging use the auth config"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("environment", nullValue()).body("name", equalTo("shared"));

        admin(tenant).body("{\"environment\": \"staging\"}").patch(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .body("environment", equalTo("staging"));
    }

    /** The read comes first: the two topics have no order between them. */
    @Test
    void aCredentialsReadOfAConnectionIsTheAuthConfigsLastUseWhicheverEventArrivesFirst() {
        String tenant = newTenant();
        UUID id = UUID.fromString(created(tenant, apiKeyBody("used", "k")));
        UUID connection = UUID.randomUUID();
        publish(Topics.ACCESS, event(tenant, new CredentialsRead(connection, "production", false)));

        publish(Topics.CONNECTIONS, event(tenant, new ConnectionCreated(connection, id, "c", "production", "u", "api_key", "ACTIVE")));

        Eventually.until("the last use recorded",
                () -> admin(tenant).get(AUTH_CONFIGS + "/" + id).then().extract().path("lastUsedAt") != null);
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("connectionCount", equalTo(1));
    }

    /** Reads arrive by the hundred a second: a polled batch of them is one transaction, and each connection's latest counts. */
    @Test
    void aBatchOfReadsLeavesEachAuthConfigItsConnectionsLatestUse() {
        String tenant = newTenant();
        UUID first = UUID.fromString(created(tenant, apiKeyBody("first", "k")));
        UUID second = UUID.fromString(created(tenant, apiKeyBody("second", "k")));
        UUID ofFirst = UUID.randomUUID();
        UUID ofSecond = UUID.randomUUID();
        publish(Topics.CONNECTIONS, event(tenant, new ConnectionCreated(ofFirst, first, "a", "production", "u", "api_key", "ACTIVE")));
        publish(Topics.CONNECTIONS, event(tenant, new ConnectionCreated(ofSecond, second, "b", "production", "u", "api_key", "ACTIVE")));
        Eventually.until("both connections counted", () -> connectionCount(tenant, first) == 1 && connectionCount(tenant, second) == 1);

        List<CloudEvent> reads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            reads.add(event(tenant, new CredentialsRead(i % 3 == 0 ? ofSecond : ofFirst, "production", false)));
        }
        publishAll(Topics.ACCESS, reads);

        for (var expected : Map.of(first, latest(reads, ofFirst), second, latest(reads, ofSecond)).entrySet()) {
            Eventually.until("the latest read of " + expected.getKey() + "'s connection is its last use", () -> {
                String lastUsedAt = admin(tenant).get(AUTH_CONFIGS + "/" + expected.getKey()).then().extract().path("lastUsedAt");
                // PostgreSQL keeps microseconds.
                return lastUsedAt != null && Duration.between(Instant.parse(lastUsedAt), expected.getValue()).abs().toNanos() < 1_000;
            });
        }
        assertEquals(1, connectionCount(tenant, first));
    }

    private static Instant latest(List<CloudEvent> reads, UUID connection) {
        return reads.stream().filter(read -> read.subject().equals(connection.toString())).map(CloudEvent::time)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    private int connectionCount(String tenant, UUID id) {
        return admin(tenant).get(AUTH_CONFIGS + "/" + id).then().statusCode(200).extract().path("connectionCount");
    }

    private static CloudEvent event(String tenant, EventData data) {
        return EventJson.envelope(data, SOURCE, tenant, "user:someone");
    }

    private void publish(String topic, CloudEvent event) {
        publishAll(topic, List.of(event));
    }

    private void publishAll(String topic, List<CloudEvent> events) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            events.forEach(event -> producer.send(new ProducerRecord<>(topic, event.subject(), EventJson.write(event))));
        }
    }
}
