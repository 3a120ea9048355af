package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every endpoint of this service against every role: who may, who gets 403, and 401 without a token. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class RoleMatrixTest extends ConnectionTestBase {

    private static final List<String> ROLES = List.of("admin", "developer", "viewer", "credentials:read", "connections:call", "service");

    private record Call(String method, String path, String body, Set<String> allowed) {
        int as(RequestSpecification caller) {
            RequestSpecification request = body == null ? caller : caller.body(body);
            return request.request(method, path).statusCode();
        }
    }

    @Test
    void eachRoleMayDoExactlyWhatItsPermissionsSay() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-Key", "in", "header"), Map.of("apiKey", "k"));
        String id = as("admin").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");
        String one = CONNECTIONS + "/" + id;
        Set<String> viewers = Set.of("admin", "developer", "viewer");
        Set<String> makers = Set.of("admin", "developer");
        String toolkit = "/api/v1/toolkits/" + as("admin").body("{\"name\": \"roles\", \"members\": []}").post("/api/v1/toolkits")
                .then().statusCode(201).extract().path("id");
        List<Call> calls = List.of(
                new Call("POST", CONNECTIONS, connection(authConfig, "{}"), makers),
                new Call("GET", CONNECTIONS, null, viewers),
                new Call("GET", one, null, viewers),
                new Call("PATCH", one, "{\"name\": \"renamed\"}", makers),
                new Call("POST", one + "/reauthorize", null, makers),
                new Call("POST", one + "/test", null, makers),
                new Call("GET", one + "/credentials", null, Set.of("credentials:read")),
                new Call("POST", "/api/v1/connect-sessions", """
                        {"authConfigId": "%s", "environment": "staging", "endUserId": "u", "returnUrl": "https://x.example/"}"""
                        .formatted(authConfig), makers),
                new Call("GET", "/api/v1/connect-sessions/allowed-origins", null, viewers),
                new Call("PUT", "/api/v1/connect-sessions/allowed-origins", "{\"origins\": []}", Set.of("admin")),
                new Call("POST", "/api/v1/toolkits", "{\"name\": \"matrix\", \"members\": []}", makers),
                new Call("GET", "/api/v1/toolkits", null, viewers),
                new Call("GET", toolkit, null, viewers),
                new Call("PATCH", toolkit, "{\"description\": \"changed\"}", makers),
                new Call("POST", toolkit + "/tokens", null, Set.of("connections:call")),
                new Call("GET", toolkit + "/tokens", null, viewers),
                new Call("DELETE", toolkit + "/tokens/" + UUID.randomUUID(), null, makers),
                new Call("DELETE", toolkit, null, Set.of("admin")),
                new Call("DELETE", one, null, Set.of("admin")));

        for (Call call : calls) {
            assertEquals(401, call.as(given().contentType("application/json")), call + " without a token");
            for (String role : ROLES) {
                int status = call.as(as(role));
                if (call.allowed().contains(role)) {
                    assertNotEquals(403, status, call + " as " + role);
                } else {
                    assertEquals(403, status, call + " as " + role);
                }
            }
        }
    }
}
