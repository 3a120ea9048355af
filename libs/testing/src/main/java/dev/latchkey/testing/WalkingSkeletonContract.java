package dev.latchkey.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import io.restassured.RestAssured;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every Latchkey service proves before it does anything else: it is ready against the real
 * PostgreSQL and Kafka, it refuses requests without a valid bearer token and accepts one from its
 * issuer, what its HTTP layer refuses is a problem document, and its Kafka configuration carries an event
 * envelope through the real broker.
 * A service's test extends this class and adds {@code @QuarkusTest @WithPostgres @WithKafka @WithOidcServer}.
 */
public abstract class WalkingSkeletonContract {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void readinessIsUpAgainstTheRealDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.find { it.name.contains('Reactive PostgreSQL') }.status", equalTo("UP"));
    }

    @Test
    void requestWithoutBearerTokenIsUnauthorized() {
        given().when().get("/api/v1/caller").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherAudienceIsUnauthorized() {
        String token = OidcTestServer.current().accessTokenWithClaims(
                OidcTestServer.ISSUER, "someone-else", Map.of("tenant", "demo"));
        given().auth().oauth2(token).when().get("/api/v1/caller").then().statusCode(401)
                .contentType(PROBLEM).body("type", equalTo("https://latchkey.dev/problems/unauthorized"))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void requestsBeyondTheHttpLimitsAreProblems() {
        given().when().get("/api/v1/caller/" + "a".repeat(20_000)).then().statusCode(414)
                .contentType(PROBLEM).body("type", equalTo("https://latchkey.dev/problems/uri-too-long"));
        String answer = declaringABodyBeyondTheLimit();
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: " + PROBLEM), answer);
        assertTrue(answer.contains("\"https://latchkey.dev/problems/content-too-large\""), answer);
    }

    /**
     * The answer to a request that declares a body one byte over the limit and sends none of it: refused on its
     * declaration, before any of it is read (a client would still be sending a large one when the refusal arrives).
     */
    private String declaringABodyBeyondTheLimit() {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/caller HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (maxBodyBytes() + 1L) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            InputStream in = socket.getInputStream();
            for (int read; !answer.toString().contains("content-too-large") && (read = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return answer.toString();
        } catch (IOException e) {
            throw new AssertionError("the service did not answer a body beyond its limit", e);
        }
    }

    /** The service's body limit ({@code quarkus.http.limits.max-body-size}): 64 KiB unless it says otherwise. */
    protected int maxBodyBytes() {
        return 64 * 1024;
    }

    @Test
    void tokenFromTheIssuerIsAcceptedAndNamesTenantAndRoles() {
        String token = OidcTestServer.current().accessToken("demo", "alice", "developer", "viewer");
        given().auth().oauth2(token).when().get("/api/v1/caller")
                .then().statusCode(200)
                .body("tenant", equalTo("demo"))
                .body("subject", equalTo("alice"))
                .body("roles", containsInAnyOrder("developer", "viewer"))
                .body("permissions", contains("SIGNED_IN", "VIEW", "CREATE", "EDIT", "TEST", "CONNECT", "READ_AUDIT"));
    }

    @Test
    void tokenWithoutTenantIsForbidden() {
        String token = OidcTestServer.current().accessTokenWithClaims(
                OidcTestServer.ISSUER, OidcTestServer.AUDIENCE, Map.of("roles", java.util.List.of("admin")));
        given().auth().oauth2(token).when().get("/api/v1/caller").then().statusCode(403);
    }

    @Test
    void eventEnvelopeTravelsThroughTheRealBrokerWithTheServiceKafkaConfiguration() {
        String topic = "latchkey.skeleton." + UUID.randomUUID();
        var event = CloudEvent.of(URI.create("/latchkey/test"), "dev.latchkey.skeleton.v1", "aggregate-1",
                "demo", "system", JsonNodeFactory.instance.objectNode().put("hello", "kafka"));

        try (var producer = new KafkaProducer<>(clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, event.subject(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new AssertionError("the broker refused the event: " + e.getMessage(), e);
        }

        assertEquals(Optional.of(event), consumeOne(topic));
    }

    private Optional<CloudEvent> consumeOne(String topic) {
        var records = TopicReader.readUntil(bootstrapServers(), topic, record -> true, Duration.ofSeconds(30));
        return records.stream().findFirst().map(record -> EventJson.read(record.value()));
    }

    private Map<String, Object> clientConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    private String bootstrapServers() {
        return String.valueOf(kafkaConfig.get("bootstrap.servers"));
    }
}
