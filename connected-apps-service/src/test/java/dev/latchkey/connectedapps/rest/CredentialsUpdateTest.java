package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.Topics;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Update Credentials": a key-based connection's key rotated or its user changed through PATCH, at the version read
 * (If-Match), written as a new secret version, tested on request; what may not change is refused and changes nothing.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class CredentialsUpdateTest extends ConnectionTestBase {

    @Test
    void aRotatedKeyIsHandedOutFromThenAndAStaleEditChangesNothing() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of());
        String id = as("developer").body(connection(authConfig, "{\"apiKey\": \"first-key-2b7c\"}")).post(CONNECTIONS).then()
                .statusCode(201).extract().path("id");
        String version = as("viewer").get(CONNECTIONS + "/" + id).then().statusCode(200).extract().header("ETag");

        as("developer").header("If-Match", version).body("{\"credentials\": {\"apiKey\": \"rotated-key-9e41\"}}")
                .patch(CONNECTIONS + "/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("secretFields", contains("apiKey")).body(not(containsString("rotated-key-9e41")));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.apiKey", equalTo("rotated-key-9e41"));

        as("developer").header("If-Match", version).body("{\"credentials\": {\"apiKey\": \"lost-update-key\"}}")
                .patch(CONNECTIONS + "/" + id).then().statusCode(412).body("type", endsWith("precondition-failed"));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then()
                .body("credentials.apiKey", equalTo("rotated-key-9e41"));

        var updated = TopicReader.readUntil(bootstrapServers, Topics.CONNECTIONS,
                record -> record.key().equals(id) && record.value().contains("connection.updated"), Duration.ofSeconds(20));
        String event = updated.get(updated.size() - 1).value();
        assertTrue(event.contains("credentials"), event);
        assertFalse(event.contains("rotated-key-9e41") || event.contains("first-key-2b7c"), "no secret in the event: " + event);
    }

    @Test
    void aChangedUserTestedOnRequestBringsAFailingConnectionBackToActive() {
        UUID authConfig = authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", 5432, "database", "postgres", "sslMode", "disable"),
                Map.of("password", "wrong-password"));
        String id = as("developer").body(connection(authConfig, "{\"username\": \"no_such_role_for_latchkey\"}"))
                .post(CONNECTIONS).then().statusCode(201).extract().path("id");
        as("developer").post(CONNECTIONS + "/" + id + "/test").then().statusCode(200).body("status", equalTo("ERROR"));

        as("developer").queryParam("test", true).body("{\"credentials\": {\"username\": \"postgres\"}}")
                .patch(CONNECTIONS + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("lastTest.ok", equalTo(true));
    }

    @Test
    void whatACredentialsUpdateMayNotDoIsRefusedAndChangesNothing() {
        UUID database = authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", 5432, "database", "postgres", "sslMode", "disable"),
                Map.of("password", "db-password-6f0a"));
        String id = as("developer").body(connection(database, "{\"username\": \"postgres\"}")).post(CONNECTIONS).then()
                .statusCode(201).extract().path("id");

        // The auth config's password goes only to the auth config's host.
        as("developer").body("{\"credentials\": {\"host\": \"db.attacker.example\"}}").patch(CONNECTIONS + "/" + id).then()
                .statusCode(400).body("errors.field", contains("credentials.password"));
        as("developer").body("{\"credentials\": {\"port\": \"not a port\"}}").patch(CONNECTIONS + "/" + id).then()
                .statusCode(400).body("errors.field", contains("credentials.port"));
        as("viewer").body("{\"credentials\": {\"username\": \"app\"}}").patch(CONNECTIONS + "/" + id).then().statusCode(403);
        asIn("other", "admin").body("{\"credentials\": {\"username\": \"app\"}}").patch(CONNECTIONS + "/" + id).then()
                .statusCode(404);
        as("viewer").get(CONNECTIONS + "/" + id).then().header("ETag", equalTo("\"0\""))
                .body("secretFields.size()", equalTo(0));

        String oauth = connectAccount(oauthAuthConfig(Map.of()));
        as("developer").body("{\"credentials\": {\"accessToken\": \"forged\"}}").patch(CONNECTIONS + "/" + oauth).then()
                .statusCode(409).body("detail", containsString("reauthorize"));
    }
}
