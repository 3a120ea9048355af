package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.testing.ConnectedAppsProcess;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MCP server as an agent meets it: the official MCP Java SDK's client connects over HTTP to the running gateway with
 * a toolkit token that the real connected-apps-service issued for a toolkit over a Gitea connection made through its
 * API (the Gitea a stand-in answering the shapes its API documents). It initializes, lists the tools page by page with
 * their schemas and hints, calls a read action and a write action, and gets a provider's refusal and a wrong input as
 * tool results with {@code isError}; a revoked token, another toolkit's tool and another tenant's toolkit are refused,
 * and a toolkit token manages and reads nothing else.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
@QuarkusTestResource(ConnectedAppsProcess.class)
class McpServerTest extends ProxyTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GiteaStandIn gitea;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void startGitea() throws Exception {
        gitea = new GiteaStandIn();
    }

    @AfterAll
    static void stopGitea() {
        gitea.close();
    }

    @BeforeEach
    void connectedAppsServiceRuns() {
        ConnectedAppsProcess.ensureRunning();
    }

    @Test
    void anAgentListsTheToolkitsToolsAndCallsAReadAndAWriteAction() {
        String connection = giteaConnection(tenant);
        String toolkitId = toolkit(tenant, "{\"name\": \"Release bot\", \"members\": [{\"connectionId\": \"%s\"}]}".formatted(connection));
        String token = token(tenant, toolkitId);

        try (McpSyncClient client = client(token)) {
            InitializeResult initialized = client.initialize();
            assertEquals(ProtocolVersions.MCP_2025_11_25, initialized.protocolVersion());
            assertEquals("latchkey", initialized.serverInfo().name());
            assertNotNull(initialized.capabilities().tools(), "it serves tools");
            assertTrue(initialized.instructions().contains("Release bot"), initialized.instructions());

            ListToolsResult first = client.listTools(McpSchema.FIRST_PAGE);
            assertEquals(3, first.tools().size(), "a page of three (the test's page size)");
            assertNotNull(first.nextCursor());
            ListToolsResult second = client.listTools(first.nextCursor());
            assertNull(second.nextCursor(), "the last page");
            List<Tool> tools = new ArrayList<>(first.tools());
            tools.addAll(second.tools());
            assertEquals(tools, client.listTools().tools(), "the client's own walk through the pages");
            assertEquals(List.of("gitea_list_pull_requests", "gitea_get_issue", "gitea_update_issue", "gitea_add_issue_comment"),
                    tools.stream().map(Tool::name).toList());
            Tool getIssue = tools.get(1);
            assertEquals(true, getIssue.annotations().readOnlyHint());
            assertEquals(List.of("owner", "repo", "index"), getIssue.inputSchema().get("required"));
            assertEquals("object", getIssue.outputSchema().get("type"));
            assertEquals(false, tools.get(3).annotations().readOnlyHint());

            CallToolResult read = client.callTool(new CallToolRequest("gitea_get_issue", Map.of("owner", "acme", "repo", "app", "index", 7)));
            assertFalse(read.isError(), text(read));
            assertEquals(7, field(read, "issue").get("number"));
            assertEquals("GET /api/v1/repos/acme/app/issues/7", last().method() + " " + last().target());
            assertEquals("token " + GITEA_KEY, last().authorization());

            CallToolResult write = client.callTool(new CallToolRequest("gitea_add_issue_comment",
                    Map.of("owner", "acme", "repo", "app", "index", 7, "body", "Shipped in 1.2")));
            assertFalse(write.isError(), text(write));
            assertEquals(99, field(write, "comment").get("id"));
            assertEquals("POST", last().method());
            assertTrue(last().body().contains("Shipped in 1.2"), last().body());

            CallToolResult refused = client.callTool(new CallToolRequest("gitea_get_issue", Map.of("owner", "acme", "repo", "missing", "index", 7)));
            assertTrue(refused.isError());
            assertTrue(text(refused).contains("404"), text(refused));
            assertFalse(text(refused).contains(GITEA_KEY), "the credential an API echoed is blanked: " + text(refused));

            int before = gitea.requests().size();
            CallToolResult wrong = client.callTool(new CallToolRequest("gitea_get_issue", Map.of("owner", "acme", "repo", "app")));
            assertTrue(wrong.isError());
            assertTrue(text(wrong).contains("index"), text(wrong));
            assertEquals(before, gitea.requests().size(), "a wrong input is sent nowhere");
        }

        JsonNode run = runEvent(connection);
        assertEquals(toolkitId, run.path("data").path("toolkitId").asText());
        assertTrue(run.path("actor").asText().startsWith("toolkit-token:"), run.toString());
        assertFalse(run.toString().contains("Shipped in 1.2") || run.toString().contains(GITEA_KEY), "no input value, no credential");
    }

    @Test
    void aToolkitHasOnlyItsOwnToolsAndAReadOnlyOneOnlyReadActions() {
        String connection = giteaConnection(tenant);
        String chosen = toolkit(tenant, """
                {"name": "Comments", "members": [{"connectionId": "%s", "actions": ["add_issue_comment"]}]}""".formatted(connection));
        String readOnly = toolkit(tenant, """
                {"name": "Reader", "readOnly": true, "members": [{"connectionId": "%s"}]}""".formatted(connection));

        try (McpSyncClient client = client(token(tenant, chosen))) {
            client.initialize();
            assertEquals(List.of("gitea_add_issue_comment"), client.listTools().tools().stream().map(Tool::name).toList());
            McpError refused = assertThrows(McpError.class, () -> client.callTool(new CallToolRequest("gitea_get_issue",
                    Map.of("owner", "acme", "repo", "app", "index", 7))));
            assertEquals(ErrorCodes.INVALID_PARAMS, refused.getJsonRpcError().code());
        }
        try (McpSyncClient client = client(token(tenant, readOnly))) {
            client.initialize();
            assertEquals(List.of("gitea_list_pull_requests", "gitea_get_issue"),
                    client.listTools().tools().stream().map(Tool::name).toList());
            assertThrows(McpError.class, () -> client.callTool(new CallToolRequest("gitea_update_issue",
                    Map.of("owner", "acme", "repo", "app", "index", 7, "state", "closed"))));
        }
    }

    @Test
    void anotherTenantsToolkitIsInvisible() {
        String ours = toolkit(tenant, "{\"name\": \"Ours\", \"members\": [{\"connectionId\": \"%s\"}]}".formatted(giteaConnection(tenant)));
        String other = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String theirs = toolkit(other, "{\"name\": \"Theirs\", \"members\": []}");
        String theirToken = token(other, theirs);

        try (McpSyncClient client = client(theirToken)) {
            client.initialize();
            assertEquals(List.of(), client.listTools().tools(), "no tool of another tenant's toolkit " + ours);
            assertThrows(McpError.class, () -> client.callTool(new CallToolRequest("gitea_get_issue",
                    Map.of("owner", "acme", "repo", "app", "index", 7))));
        }
        connectedApps(other, "viewer").get(ConnectedAppsProcess.baseUrl() + "/api/v1/toolkits/" + ours).then().statusCode(404);
    }

    @Test
    void aRevokedOrMissingTokenIsRefusedWithWhereItsMetadataIs() {
        String toolkitId = toolkit(tenant, "{\"name\": \"Short lived\", \"members\": []}");
        var issued = connectedApps(tenant, "connections:call").post(toolkits() + "/" + toolkitId + "/tokens").then().statusCode(201).extract();
        String token = issued.path("token");
        mcp(token).body(ping()).post("/mcp").then().statusCode(200).body("result", equalTo(Map.of()));

        connectedApps(tenant, "developer").delete(toolkits() + "/" + toolkitId + "/tokens/" + issued.path("id")).then().statusCode(200);

        mcp(token).body(ping()).post("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString("resource_metadata=\"http://localhost:8085/.well-known/oauth-protected-resource/mcp\""));
        given().contentType(ContentType.JSON).body(ping()).post("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", containsString("resource_metadata="))
                .header("WWW-Authenticate", not(containsString("error=")));
        given().get("/.well-known/oauth-protected-resource/mcp").then().statusCode(200)
                .body("resource", endsWith("/mcp")).body("bearer_methods_supported", equalTo(List.of("header")));
        try (McpSyncClient client = client(token)) {
            assertThrows(RuntimeException.class, client::initialize);
        }
    }

    /** When connected-apps-service cannot say what a token may do, the token is not refused: a 503, then it works again. */
    @Test
    void aTokenThatCannotBeCheckedJustNowIsA503() {
        String token = token(tenant, toolkit(tenant, "{\"name\": \"Patient\", \"members\": []}"));
        ConnectedAppsProcess.stopRunning();

        mcp(token).body(ping()).post("/mcp").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("try again"));

        ConnectedAppsProcess.ensureRunning();
        mcp(token).body(ping()).post("/mcp").then().statusCode(200);
    }

    @Test
    void aToolkitTokenCallsNothingButItsToolsAndNoOtherTokenCallsTools() {
        String connection = giteaConnection(tenant);
        String token = token(tenant, toolkit(tenant, "{\"name\": \"Agent\", \"members\": [{\"connectionId\": \"%s\"}]}".formatted(connection)));

        mcp(token).get("/api/v1/actions/" + connection).then().statusCode(403);
        mcp(token).body("{\"owner\": \"acme\", \"repo\": \"app\", \"index\": 7}").post("/api/v1/actions/" + connection + "/get_issue")
                .then().statusCode(403);
        mcp(token).get(PROXY + connection + "/api/v1/repos/acme/app/issues/7").then().statusCode(403);
        caller().contentType(ContentType.JSON).body(ping()).post("/mcp").then().statusCode(403);
        given().auth().oauth2(token).get(ConnectedAppsProcess.baseUrl() + "/api/v1/toolkits").then().statusCode(401);
    }

    @Test
    void theTransportAnswersWhatMcpAsks() {
        String token = token(tenant, toolkit(tenant, "{\"name\": \"Empty\", \"members\": []}"));

        mcp(token).body("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}").post("/mcp").then().statusCode(202);
        mcp(token).body("[" + ping() + "]").post("/mcp").then().statusCode(400).body("error.code", equalTo(ErrorCodes.INVALID_REQUEST));
        mcp(token).body("{not json").post("/mcp").then().statusCode(400).body("error.code", equalTo(ErrorCodes.PARSE_ERROR));
        mcp(token).body("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"resources/list\"}").post("/mcp").then().statusCode(200)
                .body("id", equalTo(3)).body("error.code", equalTo(ErrorCodes.METHOD_NOT_FOUND));
        mcp(token).body("{\"jsonrpc\": \"2.0\", \"id\": \"x\", \"method\": \"tools/list\", \"params\": {\"cursor\": \"bogus\"}}")
                .post("/mcp").then().statusCode(200).body("id", equalTo("x")).body("error.code", equalTo(ErrorCodes.INVALID_PARAMS));
        mcp(token).header("MCP-Protocol-Version", "1999-01-01").body(ping()).post("/mcp").then().statusCode(400);
        mcp(token).header("Origin", "https://evil.example").body(ping()).post("/mcp").then().statusCode(403);
        mcp(token).get("/mcp").then().statusCode(405);
    }

    // -- what the tests share ------------------------------------------------------------------------------------------

    /** A Gitea connection of {@code tenant} to the stand-in, made through connected-apps-service's API. */
    private String giteaConnection(String tenant) {
        UUID authConfig = connections.authConfig(tenant, "gitea", "api_key", Map.of("host", gitea.host()));
        String body = """
                {"authConfigId": "%s", "environment": "production", "name": "gitea", "credentials": {"apiKey": "%s"}}"""
                .formatted(authConfig, GITEA_KEY);
        String id = Eventually.returns("connected-apps-service knows auth config " + authConfig, () -> connectedApps(tenant, "developer")
                .body(body).post(ConnectedAppsProcess.baseUrl() + "/api/v1/connections").then().statusCode(201).extract().path("id"));
        connections.awaitProjected(UUID.fromString(id), "ACTIVE");
        return id;
    }

    private String toolkit(String tenant, String body) {
        return connectedApps(tenant, "developer").body(body).post(toolkits()).then().statusCode(201).extract().path("id");
    }

    private String token(String tenant, String toolkitId) {
        return connectedApps(tenant, "connections:call").post(toolkits() + "/" + toolkitId + "/tokens").then().statusCode(201)
                .extract().path("token");
    }

    private static String toolkits() {
        return ConnectedAppsProcess.baseUrl() + "/api/v1/toolkits";
    }

    private static RequestSpecification connectedApps(String tenant, String role) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "user-" + role, role)).contentType(ContentType.JSON);
    }

    private static RequestSpecification mcp(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept("application/json, text/event-stream");
    }

    private static String ping() {
        return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}";
    }

    private McpSyncClient client(String token) {
        var transport = HttpClientStreamableHttpTransport.builder(gateway.toString().replaceAll("/$", "")).endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).jsonSchemaValidator(new SchemaValidator()).build();
    }

    private static GiteaStandIn.Request last() {
        List<GiteaStandIn.Request> requests = gitea.requests();
        return requests.get(requests.size() - 1);
    }

    /** A member of a result's structured content, an object. */
    private static Map<?, ?> field(CallToolResult result, String name) {
        return (Map<?, ?>) ((Map<?, ?>) result.structuredContent()).get(name);
    }

    private static String text(CallToolResult result) {
        return result.content().stream().map(content -> ((TextContent) content).text()).reduce("", String::concat);
    }
}
