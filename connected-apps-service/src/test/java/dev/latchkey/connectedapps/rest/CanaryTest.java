package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.Topics;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets go in and come out only at the credentials endpoint: never in another response, a page, a log line or
 * an event. Every key-based scheme hands its credentials to readers, and only to them.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class CanaryTest extends ConnectionTestBase {

    private static final String CANARY = "canary-3b9d-never-outside-credentials";

    @Test
    void everyKeyBasedSchemeHandsItsCredentialsToReadersOnly() {
        try (LogCapture logs = LogCapture.start()) {
            Map<UUID, String> schemes = Map.of(
                    authConfigs.create(tenant, null, "api_key", Map.of("name", "X-Key", "in", "header"), Map.of()), "{\"apiKey\": \"%s\"}",
                    authConfigs.create(tenant, null, "bearer", Map.of(), Map.of()), "{\"token\": \"%s\"}",
                    authConfigs.create(tenant, null, "basic", Map.of("username", "svc"), Map.of()), "{\"password\": \"%s\"}",
                    authConfigs.create(tenant, "mongodb-atlas", "digest", Map.of(), Map.of()), "{\"username\": \"public\", \"password\": \"%s\"}");
            List<String> bodies = new ArrayList<>();
            schemes.forEach((authConfig, credentials) -> {
                var created = as("developer").body(connection(authConfig, credentials.formatted(CANARY))).post(CONNECTIONS).then()
                        .statusCode(201).body("status", equalTo("ACTIVE")).extract();
                bodies.add(created.asString());
                String id = created.path("id");
                bodies.add(as("viewer").get(CONNECTIONS + "/" + id).asString());
                bodies.add(as("admin").get(CONNECTIONS + "/" + id + "/credentials").asString());
                String credentialsRead = as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                        .extract().asString();
                assertTrue(credentialsRead.contains(CANARY), credentialsRead);
            });
            bodies.add(as("admin").get(CONNECTIONS).asString());
            bodies.add(as("developer").body(connection(schemes.keySet().iterator().next(), "{\"apiKey\": 7, \"bogus\": \"" + CANARY + "\"}"))
                    .post(CONNECTIONS).asString());

            bodies.forEach(body -> assertFalse(body.contains(CANARY), body));
            assertNowhereElse(logs, CANARY);
        }
    }

    @Test
    void anOAuthConnectionsTokensStayOutOfViewsPagesEventsAndLogs() {
        try (LogCapture logs = LogCapture.start()) {
            String id = connectAccount(oauthAuthConfig(Map.of("revocationUrl", provider() + "/revoke")));
            Map<String, String> tokens = secrets.read(SecretPath.connection(tenant, UUID.fromString(id))).await().indefinitely().fields();
            List<String> bodies = new ArrayList<>(List.of(as("admin").get(CONNECTIONS + "/" + id).asString(), as("admin").get(CONNECTIONS).asString(),
                    as("developer").post(CONNECTIONS + "/" + id + "/test").asString(),
                    as("developer").post(CONNECTIONS + "/" + id + "/reauthorize").asString()));
            String credentials = as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").asString();
            as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);

            assertFalse(credentials.contains(tokens.get("refreshToken")), credentials);
            for (String token : List.of(tokens.get("accessToken"), tokens.get("refreshToken"))) {
                bodies.forEach(body -> assertFalse(body.contains(token), body));
                assertNowhereElse(logs, token);
            }
        }
    }

    @Test
    void aConnectPageShownAgainForAMissingFieldNeverShowsTheKeyItWasGiven() {
        try (LogCapture logs = LogCapture.start()) {
            UUID authConfig = authConfigs.create(tenant, "mongodb-atlas", "digest", Map.of(), Map.of());
            as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put("/api/v1/connect-sessions/allowed-origins");
            String token = as("developer").body("""
                    {"authConfigId": "%s", "environment": "staging", "endUserId": "u", "returnUrl": "https://app.example.com/x"}"""
                    .formatted(authConfig)).post("/api/v1/connect-sessions").then().statusCode(201).extract().path("token");

            String page = inBrowser(openLink(token)).formParam("password", CANARY).formParam("unknown", CANARY).post("/connect").then()
                    .statusCode(400).body(containsString("credentials.username")).extract().asString();

            assertFalse(page.contains(CANARY), page);
            assertNowhereElse(logs, CANARY);
        }
    }

    /** Not on any of this service's topics, not in any log line. */
    private void assertNowhereElse(LogCapture logs, String secret) {
        for (String topic : List.of(Topics.CONNECTIONS, Topics.ACCESS)) {
            TopicReader.readFor(bootstrapServers, topic, Duration.ofSeconds(2))
                    .forEach(record -> assertFalse(record.value().contains(secret), record.value()));
        }
        logs.lines().forEach(line -> assertFalse(line.contains(secret), line));
    }
}
