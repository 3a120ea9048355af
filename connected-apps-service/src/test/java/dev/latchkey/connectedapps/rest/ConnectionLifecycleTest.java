package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.EventJson;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectionLifecycleTest extends ConnectionTestBase {

    @TestHTTPResource(CONNECTIONS + "/")
    URI credentialsUrl;

    private static final String CANARY = "canary-token-5d1e-never-in-a-view";

    @Test
    void aConnectionInheritsItsAuthConfigsKeyAndHandsItOutOnlyToCredentialsReaders() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"),
                Map.of("apiKey", CANARY));
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("type", equalTo("api_key")).extract().path("id");

        as("admin").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(403);
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.apiKey", equalTo(CANARY)).body("credentials.name", equalTo("X-API-Key"));

        as("viewer").get(CONNECTIONS + "/" + id).then().statusCode(200).body("lastUsedAt", notNullValue());
        var reads = TopicReader.readUntil(bootstrapServers, "latchkey.access.v1", r -> r.key().equals(id), Duration.ofSeconds(20));
        assertTrue(reads.get(reads.size() - 1).value().contains("access.credentials_read"));
    }

    @Test
    void concurrentReadsAreEachAnsweredAfterTheirOwnEventOnce() throws Exception {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"),
                Map.of("apiKey", CANARY));
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");
        String token = OidcTestServer.current().accessToken(tenant, "workflow", "credentials:read");
        var request = HttpRequest.newBuilder(URI.create(credentialsUrl + id + "/credentials"))
                .header("Authorization", "Bearer " + token).build();
        HttpClient http = HttpClient.newHttpClient();

        int reads = 100;
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        for (var answer : answers) {
            assertEquals(200, answer.get(30, TimeUnit.SECONDS).statusCode());
        }

        // A row leaves the outbox once the broker has it: when none is left, every committed event is on the topic.
        Eventually.until("every read's event sent", () -> pool.preparedQuery("SELECT count(*) FROM outbox WHERE record_key = $1 OR $1 = ANY(record_keys)")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0) == 0);
        Set<String> published = new HashSet<>();
        TopicReader.readFor(bootstrapServers, "latchkey.access.v1", Duration.ofSeconds(5)).stream()
                .filter(record -> record.key().equals(id) && record.value().contains("access.credentials_read"))
                .forEach(record -> published.add(EventJson.read(record.value()).id().toString()));
        assertEquals(reads, published.size(), "each answered read has committed its own event, once, and it reached the topic");
    }

    @Test
    void aCatalogAppsTokenIsRequiredWhenTheAuthConfigHoldsNoneAndNeverShownInAView() {
        UUID authConfig = authConfigs.create(tenant, "stripe", "bearer", Map.of(), Map.of());

        as("admin").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("credentials.token"));
        var created = as("admin").body(connection(authConfig, "{\"token\": \"" + CANARY + "\"}")).post(CONNECTIONS)
                .then().statusCode(201).body("secretFields", equalTo(List.of("token"))).extract();
        String id = created.path("id");

        List<String> views = List.of(created.asString(), as("admin").get(CONNECTIONS + "/" + id).asString(),
                as("admin").get(CONNECTIONS).asString());
        views.forEach(view -> assertFalse(view.contains(CANARY), view));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().body("credentials.token", equalTo(CANARY));
        TopicReader.readFor(bootstrapServers, "latchkey.connections.v1", Duration.ofSeconds(3))
                .forEach(record -> assertFalse(record.value().contains(CANARY), record.value()));
    }

    @Test
    void aNativeConnectionOverridesItsAuthConfigsParameters() {
        UUID authConfig = authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "db.example.com", "port", 5432, "database", "app", "username", "app", "sslMode", "require"),
                Map.of("password", "pw"));
        String id = as("admin").body(connection(authConfig, "{\"database\": \"reporting\"}")).post(CONNECTIONS)
                .then().statusCode(201).extract().path("id");

        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.database", equalTo("reporting")).body("credentials.host", equalTo("db.example.com"))
                .body("credentials.password", equalTo("pw"));
    }

    @Test
    void anUnknownAuthConfigIsRefusedWithTheFieldNamed() {
        as("admin").body(connection(UUID.randomUUID(), "{}")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("authConfigId"));
        as("admin").get(CONNECTIONS).then().body("items.size()", equalTo(0));
    }

    @Test
    void aListIsPagedNewestFirstByCursorAndBadPagingIsNamed() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "k", "in", "query"), Map.of("apiKey", "k"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                    .extract().path("id"));
        }

        var first = as("viewer").queryParam("limit", 2).get(CONNECTIONS).then().statusCode(200)
                .body("items.id", equalTo(created.subList(0, 2))).body("nextCursor", notNullValue()).extract();
        as("viewer").queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor")).get(CONNECTIONS).then()
                .statusCode(200).body("items.id", equalTo(created.subList(2, 3))).body("nextCursor", nullValue());
        as("viewer").queryParam("limit", "many").queryParam("cursor", "%%%").queryParam("status", "gone").get(CONNECTIONS)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("limit", "cursor", "status"));
    }

    @Test
    void rolesAndTenantsBoundEveryVerb() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "k", "in", "query"), Map.of("apiKey", "k"));
        as("viewer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(403);
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");
        as("developer").body("{\"name\": \"renamed\", \"metadata\": {\"team\": \"growth\"}}").patch(CONNECTIONS + "/" + id)
                .then().statusCode(200).body("name", equalTo("renamed")).body("metadata.team", equalTo("growth"));
        as("developer").delete(CONNECTIONS + "/" + id).then().statusCode(403);

        var intruder = asIn("other", "admin");
        intruder.get(CONNECTIONS + "/" + id).then().statusCode(404);
        asIn("other", "credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(404);
        intruder.body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(400);

        as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);
        as("admin").get(CONNECTIONS + "/" + id).then().statusCode(404);
    }
}
