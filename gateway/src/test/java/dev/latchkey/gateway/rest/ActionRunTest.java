package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Running a connection's catalog actions through the gateway, against a stand-in Gitea that answers the shapes Gitea's
 * API documents: the request each action makes (path, query, JSON body, the connection's credential), its output and
 * next page, input checked before anything is sent, a provider's refusal quoted without the credential, the tenant's
 * and the role's bounds, and an {@code access.action_run} event for every run, holding no input or output value.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class ActionRunTest extends ProxyTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIONS = "/api/v1/actions/";

    private static GiteaStandIn gitea;

    @BeforeAll
    static void startGitea() throws Exception {
        gitea = new GiteaStandIn();
    }

    @AfterAll
    static void stopGitea() {
        gitea.close();
    }

    private UUID connection() {
        return connections.withCredentials(tenant, "gitea", "api_key", Map.of("host", gitea.host()), Map.of("apiKey", GITEA_KEY));
    }

    private ValidatableResponse run(UUID connection, String action, String input) {
        return caller().contentType("application/json").body(input).post(ACTIONS + connection + "/" + action).then();
    }

    private GiteaStandIn.Request last() {
        List<GiteaStandIn.Request> requests = gitea.requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void theConnectionsActionsAreListedWithTheirSchemasAndHints() {
        UUID connection = connection();

        caller().get(ACTIONS + connection).then().statusCode(200)
                .body("name", hasItems("list_pull_requests", "get_issue", "update_issue", "add_issue_comment"))
                .body("find { it.name == 'list_pull_requests' }.hints.readOnly", equalTo(true))
                .body("find { it.name == 'list_pull_requests' }.inputSchema.properties.cursor.type", equalTo("string"))
                .body("find { it.name == 'list_pull_requests' }.outputSchema.properties.nextCursor.type", equalTo("string"))
                .body("find { it.name == 'update_issue' }.inputSchema.required", hasItems("owner", "repo", "index"));
    }

    @Test
    void aReadActionCallsWithTheCredentialAndPagesOnThroughTheLinkHeader() {
        UUID connection = connection();

        String cursor = run(connection, "list_pull_requests", "{\"owner\": \"acme\", \"repo\": \"app\", \"state\": \"open\", \"limit\": 2}")
                .statusCode(200)
                .body("pull_requests.number", equalTo(List.of(1, 2)))
                .body("pull_requests[0].head.ref", equalTo("feature"))
                .extract().path("nextCursor");
        GiteaStandIn.Request first = last();
        assertEquals("GET", first.method());
        assertEquals("/api/v1/repos/acme/app/pulls?state=open&limit=2", first.target());
        assertEquals("token " + GITEA_KEY, first.authorization());

        run(connection, "list_pull_requests", "{\"owner\": \"acme\", \"repo\": \"app\", \"cursor\": \"" + cursor + "\"}")
                .statusCode(200)
                .body("pull_requests.number", equalTo(List.of(3)))
                .body("nextCursor", equalTo(null));
        assertEquals("/api/v1/repos/acme/app/pulls?limit=2&page=2&state=open", last().target());
    }

    /**
     * A next-page cursor is sealed to its action and connection: one made up (any path of the API, with the connection's
     * credential), one altered, and one of another connection are refused before anything is sent.
     */
    @Test
    void aCursorIsTakenOnlyAsTheGatewayGaveItForThatActionAndConnection() {
        UUID connection = connection();
        UUID other = connection();
        String cursor = run(connection, "list_pull_requests", "{\"owner\": \"acme\", \"repo\": \"app\", \"limit\": 2}")
                .statusCode(200).extract().path("nextCursor");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("/admin/users".getBytes(StandardCharsets.UTF_8))
                + cursor.substring(cursor.indexOf('.'));
        int sent = gitea.requests().size();

        for (String refused : List.of("/admin/users", forged, cursor + "x")) {
            run(connection, "list_pull_requests", "{\"owner\": \"acme\", \"repo\": \"app\", \"cursor\": \"" + refused + "\"}")
                    .statusCode(400).body("errors[0].field", equalTo("input.cursor"));
        }
        run(other, "list_pull_requests", "{\"owner\": \"acme\", \"repo\": \"app\", \"cursor\": \"" + cursor + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("input.cursor"));
        assertEquals(sent, gitea.requests().size(), "nothing sent");
    }

    @Test
    void aWriteActionSendsOnlyTheFieldsGivenAsJson() throws Exception {
        UUID connection = connection();

        run(connection, "update_issue", "{\"owner\": \"acme\", \"repo\": \"app\", \"index\": 7, \"state\": \"closed\"}")
                .statusCode(200).body("issue.state", equalTo("closed")).body("issue.number", equalTo(7));

        GiteaStandIn.Request patch = last();
        assertEquals("PATCH", patch.method());
        assertEquals("/api/v1/repos/acme/app/issues/7", patch.target());
        assertEquals("application/json", patch.contentType());
        assertEquals(JSON.readTree("{\"state\": \"closed\"}"), JSON.readTree(patch.body()));
    }

    @Test
    void aValueWithASlashStaysOneSegmentAndOneThatClimbsIsRefused() {
        UUID connection = connection();

        run(connection, "get_issue", "{\"owner\": \"acme/team\", \"repo\": \"app\", \"index\": 7}").statusCode(200);
        assertEquals("/api/v1/repos/acme%2Fteam/app/issues/7", last().target());

        int before = gitea.requests().size();
        run(connection, "get_issue", "{\"owner\": \"acme\", \"repo\": \"..\", \"index\": 7}").statusCode(400)
                .body("errors.field", hasItems("input.repo"));
        assertEquals(before, gitea.requests().size(), "nothing was sent");
    }

    @Test
    void anInputThatDoesNotFitIsAProblemNamingEachFieldAndNothingIsSent() {
        UUID connection = connection();
        int before = gitea.requests().size();

        run(connection, "add_issue_comment", "{\"repo\": \"app\", \"index\": \"seven\", \"body\": \"hi\", \"extra\": true}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("input.owner", "input.index", "input.extra"));
        run(connection, "add_issue_comment", "[1, 2]").statusCode(400).body("errors.field", hasItems("input"));

        assertEquals(before, gitea.requests().size(), "nothing was sent");
        assertEquals("invalid_input", runEvent(connection.toString()).path("data").path("outcome").asText());
    }

    @Test
    void aProvidersRefusalIsAProblemThatQuotesItWithoutTheCredential() {
        UUID connection = connection();

        String problem = run(connection, "get_issue", "{\"owner\": \"acme\", \"repo\": \"missing\", \"index\": 1}")
                .statusCode(502)
                .body("type", equalTo("https://latchkey.dev/problems/action-failed"))
                .body("detail", containsString("answered 404"))
                .body("detail", containsString("couldn't be found"))
                .extract().asString();

        assertFalse(problem.contains(GITEA_KEY), problem);
        JsonNode data = runEvent(connection.toString()).path("data");
        assertEquals("provider_error", data.path("outcome").asText());
        assertEquals(404, data.path("status").asInt());
    }

    @Test
    void aProviderThatEchoesTheCredentialInItsAnswerHandsNoneToTheCaller() {
        UUID connection = connection();

        run(connection, "get_issue", "{\"owner\": \"acme\", \"repo\": \"echo\", \"index\": 1}").statusCode(200)
                .body("issue.body", equalTo("asked with [redacted]"));
        assertEquals("token " + GITEA_KEY, last().authorization(), "the key went to the API");
    }

    @Test
    void everyRunIsAnEventThatNamesTheActionButHoldsNoValue() {
        UUID connection = connection();

        run(connection, "add_issue_comment", "{\"owner\": \"acme\", \"repo\": \"app\", \"index\": 7, \"body\": \"comment-canary\"}")
                .statusCode(200).body("comment.id", equalTo(99));

        JsonNode event = runEvent(connection.toString());
        assertEquals("/latchkey/gateway", event.path("source").asText());
        assertEquals("user:workflow-runner", event.path("actor").asText());
        JsonNode data = event.path("data");
        assertEquals("gitea", data.path("provider").asText());
        assertEquals("add_issue_comment", data.path("action").asText());
        assertEquals("succeeded", data.path("outcome").asText());
        assertEquals(201, data.path("status").asInt());
        assertNull(data.path("toolkitId").textValue());
        for (String value : List.of("comment-canary", GITEA_KEY, "noted")) {
            assertFalse(event.toString().contains(value), value + " in " + event);
        }
    }

    @Test
    void anUnknownActionAnotherTenantsConnectionAndAMissingRoleAreRefused() {
        UUID connection = connection();
        String input = "{\"owner\": \"acme\", \"repo\": \"app\", \"index\": 7}";

        run(connection, "drop_database", input).statusCode(404);
        String otherTenant = tenant;
        newTenant();
        run(connections.withCredentials(otherTenant, "gitea", "api_key", Map.of("host", gitea.host()), Map.of("apiKey", GITEA_KEY)),
                "get_issue", input).statusCode(404);
        as("viewer").contentType("application/json").body(input).post(ACTIONS + connection + "/get_issue").then()
                .statusCode(403);
        as("credentials:read").get(ACTIONS + connection).then().statusCode(403);
        caller().get(ACTIONS + connection).then().statusCode(404).body(not(containsString(GITEA_KEY)));
    }
}
