package dev.latchkey.bench.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.bench.refresh.RefreshBenchmark;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the tool-call figures call through: a Gitea connection made through connected-apps-service's API (as a developer
 * would), a toolkit over it and a token for the toolkit (as the agent would hold), once the gateway knows the
 * connection. The requests a tool call and a direct run of the same action send.
 */
record Toolkit(UUID connection, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String INPUT = "{\"owner\": \"acme\", \"repo\": \"app\", \"index\": 7}";

    static Toolkit make(RefreshBenchmark setting, ServiceProcess connectedApps, OidcTestServer oidc, String kafka, GiteaApi gitea)
            throws IOException, InterruptedException {
        String tenant = RefreshBenchmark.TENANT;
        UUID authConfig = UUID.randomUUID();
        EventPublisher.publish(kafka, tenant, new AuthConfigCreated(authConfig, "bench Gitea", "oauth2_provider", "gitea", "api_key",
                null, Map.of("host", gitea.host()), List.of()));
        String developer = oidc.accessToken(tenant, "bench-developer", "developer");
        String connection = Eventually.returns("connected-apps-service knows the Gitea auth config", () -> created(connectedApps,
                "/api/v1/connections", developer, "{\"authConfigId\": \"" + authConfig + "\", \"environment\": \"production\","
                        + " \"name\": \"bench gitea\", \"credentials\": {\"apiKey\": \"bench-gitea-key\"}}").path("id").asText());
        Eventually.until("the Gitea connection in the gateway's projection", () -> setting.sql()
                .count("SELECT count(*) FROM gateway.connections WHERE id = '" + connection + "'") == 1);
        String toolkit = created(connectedApps, "/api/v1/toolkits", developer,
                "{\"name\": \"bench\", \"members\": [{\"connectionId\": \"" + connection + "\", \"actions\": [\"get_issue\"]}]}")
                .path("id").asText();
        String token = created(connectedApps, "/api/v1/toolkits/" + toolkit + "/tokens",
                oidc.accessToken(tenant, "bench-agent", "connections:call"), "{\"name\": \"bench agent\"}").path("token").asText();
        return new Toolkit(UUID.fromString(connection), token);
    }

    /** {@code get_issue} as a workflow runs it: {@code POST /api/v1/actions/{connection}/get_issue}. */
    String actionPath() {
        return "/api/v1/actions/" + connection + "/get_issue";
    }

    static String actionInput() {
        return INPUT;
    }

    /** The same action as an agent calls it: an MCP {@code tools/call} of {@code gitea_get_issue}. */
    static String toolCall() {
        return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": \"gitea_get_issue\","
                + " \"arguments\": " + INPUT + "}}";
    }

    /** An MCP {@code ping}: the token's introspection and nothing else. */
    static String ping() {
        return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}";
    }

    /** One tool call outside the load, which must succeed: an {@code isError} result is a 200 the load would count. */
    void checkOnce(ServiceProcess gateway) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/mcp"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toolCall())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode result = JSON.readTree(answer.body()).path("result");
        if (answer.statusCode() != 200 || !result.path("isError").isBoolean() || result.path("isError").asBoolean()) {
            throw new IllegalStateException("a tool call did not succeed: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static JsonNode created(ServiceProcess service, String path, String bearer, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
