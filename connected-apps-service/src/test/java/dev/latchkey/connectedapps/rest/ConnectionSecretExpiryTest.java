package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.ConnectionExpiry;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.PublishedEvents;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key-based connection's own secret may have an end its owner knows ({@code secretExpiresAt}): warned about before
 * it, EXPIRED once it has passed (its credentials refused until replaced), ACTIVE again with new credentials; each step
 * once, with its event. An OAuth2 connection ends with its token, not with a date given.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectionSecretExpiryTest extends ConnectionTestBase {

    @Inject
    ConnectionExpiry expiry;

    @Test
    void aKeyNearItsEndIsWarnedAboutThenExpiresAndNewCredentialsBringItBack() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of());
        Instant end = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        String id = as("developer").body(withEnd(connection(authConfig, "{\"apiKey\": \"ending-key-41c9\"}"), "\"" + end + "\""))
                .post(CONNECTIONS).then().statusCode(201).body("secretExpiresAt", equalTo(end.toString()))
                .body("warning", nullValue()).extract().path("id");

        run(expiry::warnDue);
        as("viewer").get(CONNECTIONS + "/" + id).then().body("warning", containsString(end.toString()))
                .body("status", equalTo("ACTIVE"));
        assertEquals(end.minus(Duration.ofHours(1)), warningDue(id), "the next warning waits for the one-hour threshold");

        pool.preparedQuery("UPDATE connections SET secret_expires_at = now() - interval '1 second' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        run(expiry::expireDue);
        run(expiry::expireDue);
        as("viewer").get(CONNECTIONS + "/" + id).then().body("status", equalTo("EXPIRED"))
                .body("statusReason", containsString("expired")).body("warning", nullValue());
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(409)
                .body("detail", containsString("credentials expired")).body("detail", containsString("PATCH"));

        as("developer").body("{\"credentials\": {\"apiKey\": \"renewed-key-7d20\"}}").patch(CONNECTIONS + "/" + id).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("secretExpiresAt", nullValue());
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.apiKey", equalTo("renewed-key-7d20"));

        var published = PublishedEvents.until(bootstrapServers, Topics.CONNECTIONS, id, "connection.status_changed", 2);
        List<String> changes = published.of("connection.status_changed");
        assertEquals(2, changes.size(), published.toString());
        assertTrue(changes.get(0).contains("\"from\":\"ACTIVE\",\"to\":\"EXPIRED\""), changes.get(0));
        assertTrue(changes.get(1).contains("\"from\":\"EXPIRED\",\"to\":\"ACTIVE\""), changes.get(1));
        List<String> warnings = published.of("connection.secret_expiring");
        assertEquals(1, warnings.size(), published.toString());
        assertTrue(warnings.get(0).contains("\"expiresAt\":\"" + end + "\""), warnings.get(0));
    }

    @Test
    void anEndIsRefusedWhereItMeansNothingOrIsNoFutureTimeAndNothingIsStored() {
        UUID keys = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of());
        for (String value : List.of("\"2020-01-01T00:00:00Z\"", "\"soon\"", "true")) {
            as("developer").body(withEnd(connection(keys, "{\"apiKey\": \"k\"}"), value)).post(CONNECTIONS).then().statusCode(400)
                    .body("errors.field", hasItem("secretExpiresAt"));
        }
        UUID oauth = oauthAuthConfig(Map.of());
        as("developer").body(withEnd("""
                {"authConfigId": "%s", "environment": "development", "name": "my account"}""".formatted(oauth),
                "\"2099-01-01T00:00:00Z\"")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.find { it.field == 'secretExpiresAt' }.message", containsString("OAuth2"));
        as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(0));

        String id = as("developer").body(connection(keys, "{\"apiKey\": \"k\"}")).post(CONNECTIONS).then().statusCode(201)
                .extract().path("id");
        as("viewer").body("{\"secretExpiresAt\": \"2099-01-01T00:00:00Z\"}").patch(CONNECTIONS + "/" + id).then().statusCode(403);
        asIn("tother" + tenant.substring(1), "admin").body("{\"secretExpiresAt\": \"2099-01-01T00:00:00Z\"}")
                .patch(CONNECTIONS + "/" + id).then().statusCode(404);
        as("developer").body("{\"name\": \"renamed\", \"secretExpiresAt\": \"yesterday\"}").patch(CONNECTIONS + "/" + id).then()
                .statusCode(400);
        as("viewer").get(CONNECTIONS + "/" + id).then().body("name", equalTo("acme account"))
                .body("secretExpiresAt", nullValue()).header("ETag", equalTo("\"0\""));
    }

    private Instant warningDue(String id) {
        var row = pool.preparedQuery("SELECT expiry_warning_at FROM connections WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        return row.getOffsetDateTime(0) == null ? null : row.getOffsetDateTime(0).toInstant();
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            throw new AssertionError(failure);
        }
    }

    private static String withEnd(String body, String value) {
        return body.replaceFirst("\\{", "{\"secretExpiresAt\": " + value + ", ");
    }
}
