package dev.latchkey.connectedapps.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Toolkits: made from the tenant's connections and their catalog actions, changed under If-Match, deleted; their
 * tokens issued (the value shown once, stored hashed, expiring), listed and revoked; roles and tenants bound every verb,
 * and every change is an event on {@code latchkey.toolkits.v1} that holds no token.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ToolkitTest extends ConnectionTestBase {

    private static final String TOOLKITS = "/api/v1/toolkits";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTROSPECTION = "/internal/v1/toolkit-tokens/introspection";

    /** As the gateway asks: with a service token. */
    private static ValidatableResponse introspect(String token) {
        return given().auth().oauth2(OidcTestServer.current().accessToken("system", "gateway", "service")).contentType("application/json")
                .body("{\"token\": \"%s\"}".formatted(token)).post(INTROSPECTION).then();
    }

    /** A Gitea connection of the tenant: its catalog entry has actions, read-only ones and changing ones. */
    private String gitea() {
        UUID authConfig = authConfigs.create(tenant, "gitea", "api_key", Map.of("host", "gitea.example.com"), Map.of("apiKey", "gitea-key"));
        return as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");
    }

    private String toolkit(String body) {
        return as("developer").body(body).post(TOOLKITS).then().statusCode(201).extract().path("id");
    }

    @Test
    void aToolkitIsMadeReadAndChangedUnderIfMatch() {
        String gitea = gitea();
        String id = as("developer").body("""
                {"name": "Release bot", "description": "Reads pull requests", "members": [{"connectionId": "%s",
                 "actions": ["list_pull_requests", "get_issue"]}]}""".formatted(gitea))
                .post(TOOLKITS).then().statusCode(201)
                .header("ETag", "\"1\"").header("Location", startsWith("http"))
                .body("readOnly", equalTo(false)).body("members[0].actions", equalTo(List.of("list_pull_requests", "get_issue")))
                .extract().path("id");

        as("viewer").get(TOOLKITS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Release bot"));
        as("viewer").get(TOOLKITS).then().statusCode(200).body("items.id", hasItems(id));

        as("developer").header("If-Match", "\"1\"").body("""
                {"name": "Release helper", "members": [{"connectionId": "%s"}]}""".formatted(gitea))
                .patch(TOOLKITS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Release helper")).body("description", equalTo("Reads pull requests"))
                .body("members[0].actions", nullValue());
        as("developer").header("If-Match", "\"1\"").body("{\"name\": \"Lost update\"}").patch(TOOLKITS + "/" + id).then()
                .statusCode(412);

        JsonNode updated = event(id, "toolkit.updated");
        assertEquals(List.of("name", "members"), List.of(updated.path("data").path("changed").get(0).asText(),
                updated.path("data").path("changed").get(1).asText()));
        assertEquals(2, updated.path("data").path("version").asInt());
        assertEquals("Release bot", event(id, "toolkit.created").path("data").path("name").asText());
    }

    @Test
    void membersMustBeTheTenantsConnectionsWithTheActionsTheirAppHas() {
        String gitea = gitea();
        UUID custom = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of("apiKey", "k"));
        String noActions = as("developer").body(connection(custom, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");

        as("developer").body("""
                {"name": "Broken", "members": [{"connectionId": "%s", "actions": ["drop_database"]}, {"connectionId": "%s"},
                 {"connectionId": "%s"}, {"connectionId": "%s"}]}""".formatted(gitea, noActions, UUID.randomUUID(), gitea))
                .post(TOOLKITS).then().statusCode(400)
                .body("errors.field", hasItems("members[0].actions", "members[1].connectionId", "members[2].connectionId",
                        "members[3].connectionId"));
        as("developer").body("""
                {"name": "Reader", "readOnly": true, "members": [{"connectionId": "%s", "actions": ["get_issue", "update_issue"]}]}"""
                .formatted(gitea)).post(TOOLKITS).then().statusCode(400).body("errors[0].field", equalTo("members[0].actions"));
        as("developer").body("{\"members\": []}").post(TOOLKITS).then().statusCode(400).body("errors.field", hasItems("name"));

        String reader = toolkit("""
                {"name": "Reader", "readOnly": true, "members": [{"connectionId": "%s", "actions": ["get_issue"]}]}""".formatted(gitea));
        as("developer").body("{\"name\": \"Reader\"}").post(TOOLKITS).then().statusCode(409);
        as("developer").body("{\"readOnly\": false}").patch(TOOLKITS + "/" + reader).then().statusCode(200).body("readOnly", equalTo(false));
        as("developer").body("""
                {"members": [{"connectionId": "%s", "actions": ["update_issue"]}], "readOnly": true}""".formatted(gitea))
                .patch(TOOLKITS + "/" + reader).then().statusCode(400);
    }

    @Test
    void aTokenIsShownOnceStoredHashedListedWithoutItsValueAndRevoked() throws Exception {
        String id = toolkit("{\"name\": \"Agent\", \"members\": [{\"connectionId\": \"%s\"}]}".formatted(gitea()));

        var issued = as("connections:call").body("{\"name\": \"support bot\"}").post(TOOLKITS + "/" + id + "/tokens").then()
                .statusCode(201).body("status", equalTo("active")).body("token", startsWith("lkt_")).extract();
        String value = issued.path("token");
        String tokenId = issued.path("id");
        Instant expiresAt = Instant.parse(issued.path("expiresAt"));
        assertTrue(Math.abs(ChronoUnit.DAYS.between(Instant.now(), expiresAt) - 30) <= 1, "30 days by default: " + expiresAt);

        as("viewer").get(TOOLKITS + "/" + id + "/tokens").then().statusCode(200)
                .body("[0].id", equalTo(tokenId)).body("[0].token", nullValue()).body("[0].name", equalTo("support bot"));
        String stored = pool.preparedQuery("SELECT token_hash FROM toolkit_tokens WHERE id = $1").execute(Tuple.of(UUID.fromString(tokenId)))
                .await().indefinitely().iterator().next().getString(0);
        assertFalse(stored.contains(value) || value.contains(stored), "stored as a hash, not as the value");

        as("connections:call").body("{\"expiresInDays\": 7}").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(201);
        as("connections:call").body("{\"expiresInDays\": 400}").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(400);

        as("developer").delete(TOOLKITS + "/" + id + "/tokens/" + tokenId).then().statusCode(200)
                .body("status", equalTo("revoked")).body("token", nullValue());
        as("developer").delete(TOOLKITS + "/" + id + "/tokens/" + tokenId).then().statusCode(200).body("status", equalTo("revoked"));

        assertEquals(tokenId, event(id, "toolkit.token_issued").path("data").path("tokenId").asText());
        assertEquals(tokenId, event(id, "toolkit.token_revoked").path("data").path("tokenId").asText());
        String all = TopicReader.readFor(bootstrapServers, "latchkey.toolkits.v1", Duration.ofSeconds(3)).toString();
        assertFalse(all.contains(value) || all.contains(stored), "no token value or hash in any event");
    }

    /**
     * The gateway's introspection (the {@code service} role): an issued token's tenant, toolkit and members (its use
     * recorded, once within the minute), and {@code active: false} alone once it is revoked, for a value never issued,
     * and for a value that is no toolkit token.
     */
    @Test
    void anIntrospectedTokenNamesItsToolkitUntilItIsRevoked() {
        String gitea = gitea();
        String id = toolkit("""
                {"name": "Reader", "readOnly": true, "members": [{"connectionId": "%s", "actions": ["get_issue"]}]}""".formatted(gitea));
        var issued = as("connections:call").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(201).extract();
        String value = issued.path("token");
        as("viewer").get(TOOLKITS + "/" + id + "/tokens").then().statusCode(200).body("[0].lastUsedAt", nullValue());

        introspect(value).statusCode(200).body("active", equalTo(true)).body("tenant", equalTo(tenant))
                .body("tokenId", equalTo(issued.path("id"))).body("toolkitId", equalTo(id)).body("toolkitName", equalTo("Reader"))
                .body("readOnly", equalTo(true)).body("members[0].connectionId", equalTo(gitea))
                .body("members[0].actions", equalTo(List.of("get_issue")));
        String lastUsed = as("viewer").get(TOOLKITS + "/" + id + "/tokens").then().statusCode(200).extract().path("[0].lastUsedAt");
        assertTrue(Duration.between(Instant.parse(lastUsed), Instant.now()).abs().toSeconds() < 60, "used just now: " + lastUsed);
        introspect(value).statusCode(200).body("active", equalTo(true));
        as("viewer").get(TOOLKITS + "/" + id + "/tokens").then().body("[0].lastUsedAt", equalTo(lastUsed));
        as("developer").delete(TOOLKITS + "/" + id + "/tokens/" + issued.path("id")).then().statusCode(200);

        introspect(value).statusCode(200).body("active", equalTo(false)).body("tenant", nullValue()).body("members", equalTo(List.of()));
        introspect("lkt_" + "x".repeat(43)).statusCode(200).body("active", equalTo(false));
        introspect("not-a-toolkit-token").statusCode(200).body("active", equalTo(false));
        as("connections:call").contentType("application/json").body("{\"token\": \"%s\"}".formatted(value))
                .post(INTROSPECTION).then().statusCode(403);
    }

    @Test
    void aDeletedConnectionLeavesEveryToolkitItWasIn() {
        String kept = gitea();
        String deleted = gitea();
        String id = toolkit("""
                {"name": "Two accounts", "members": [{"connectionId": "%s"}, {"connectionId": "%s", "actions": ["get_issue"]}]}"""
                .formatted(kept, deleted));

        as("admin").delete(CONNECTIONS + "/" + deleted).then().statusCode(204);

        as("viewer").get(TOOLKITS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("members.connectionId", equalTo(List.of(kept)));
        JsonNode updated = event(id, "toolkit.updated").path("data");
        assertEquals("members", updated.path("changed").get(0).asText());
        assertEquals(1, updated.path("members").size());
    }

    @Test
    void deletingAToolkitDeletesItsTokens() {
        String id = toolkit("{\"name\": \"Short-lived\", \"members\": []}");
        String tokenId = as("connections:call").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(201).extract().path("id");

        as("developer").delete(TOOLKITS + "/" + id).then().statusCode(403);
        as("admin").delete(TOOLKITS + "/" + id).then().statusCode(204);

        as("viewer").get(TOOLKITS + "/" + id).then().statusCode(404);
        assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM toolkit_tokens WHERE id = $1").execute(Tuple.of(UUID.fromString(tokenId)))
                .await().indefinitely().iterator().next().getLong(0));
        event(id, "toolkit.deleted");
    }

    @Test
    void rolesAndTenantsBoundEveryVerb() {
        String id = toolkit("{\"name\": \"Mine\", \"members\": [{\"connectionId\": \"%s\"}]}".formatted(gitea()));

        as("viewer").body("{\"name\": \"Nope\"}").post(TOOLKITS).then().statusCode(403);
        as("credentials:read").get(TOOLKITS).then().statusCode(403);
        as("viewer").body("{\"name\": \"Nope\"}").patch(TOOLKITS + "/" + id).then().statusCode(403);
        as("developer").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(403);
        as("admin").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(403);
        as("connections:call").get(TOOLKITS + "/" + id).then().statusCode(403);

        String other = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        asIn(other, "admin").get(TOOLKITS + "/" + id).then().statusCode(404);
        asIn(other, "admin").body("{\"name\": \"Stolen\"}").patch(TOOLKITS + "/" + id).then().statusCode(404);
        asIn(other, "admin").delete(TOOLKITS + "/" + id).then().statusCode(404);
        asIn(other, "connections:call").post(TOOLKITS + "/" + id + "/tokens").then().statusCode(404);
        asIn(other, "viewer").get(TOOLKITS).then().statusCode(200).body("items.id", equalTo(List.of()));
        String ours = as("viewer").get(TOOLKITS + "/" + id).then().extract().path("members[0].connectionId");
        asIn(other, "admin").body("{\"name\": \"Theirs\", \"members\": [{\"connectionId\": \"%s\"}]}".formatted(ours))
                .post(TOOLKITS).then().statusCode(400).body("errors[0].field", equalTo("members[0].connectionId"));
    }

    /** The toolkit's newest event of {@code type} on latchkey.toolkits.v1. */
    private JsonNode event(String toolkitId, String type) {
        var records = TopicReader.readUntil(bootstrapServers, "latchkey.toolkits.v1",
                record -> record.key().equals(toolkitId) && record.value().contains("\"dev.latchkey." + type + ".v1\""), Duration.ofSeconds(20));
        var last = records.get(records.size() - 1);
        assertEquals(toolkitId, last.key(), "no " + type + " event of " + toolkitId);
        try {
            JsonNode event = JSON.readTree(last.value());
            assertEquals(tenant, event.path("tenantid").asText());
            return event;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
