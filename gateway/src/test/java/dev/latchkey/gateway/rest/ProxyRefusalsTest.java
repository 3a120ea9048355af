package dev.latchkey.gateway.rest;

import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the gateway refuses to call, or cannot complete, each answered with a problem that says why: another tenant's
 * connection, a caller without the permission, a connection that cannot be called, a path above the API's, a redirect,
 * an answer too large or too slow.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class ProxyRefusalsTest extends ProxyTestBase {

    @Test
    void anotherTenantsConnectionIsNotFoundAndItsApiNeverCalled() {
        UUID gitea = gitea();
        String call = call();

        given().auth().oauth2(OidcTestServer.current().accessToken("another-tenant", "intruder", "connections:call"))
                .header("X-Test-Call", call).get(PROXY + gitea + "/user")
                .then().statusCode(404).contentType("application/problem+json");
        caller().get(PROXY + UUID.randomUUID() + "/user").then().statusCode(404);
        assertNull(RecordingApi.received(call));
    }

    @Test
    void onlyTheCallRoleMayCallThroughAConnectionNotEvenAnAdminOrACredentialReader() {
        UUID gitea = gitea();

        given().get(PROXY + gitea + "/user").then().statusCode(401);
        for (String role : new String[] {"admin", "developer", "viewer", "credentials:read"}) {
            as(role).get(PROXY + gitea + "/user").then().statusCode(403).body("type", equalTo("https://latchkey.dev/problems/forbidden"));
        }
        caller().get(PROXY + gitea + "/user").then().statusCode(200);
    }

    @Test
    void aConnectionThatCannotBeCalledSaysWhyAndWhatToDo() {
        UUID database = connections.withCredentials(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", 5432, "database", "app", "username", "app"), Map.of("password", "pw"));
        UUID gitea = gitea();
        connections.changeStatus(tenant, gitea, "ACTIVE", "EXPIRED");

        caller().get(PROXY + database + "/anything").then().statusCode(400)
                .body("detail", containsString("not called through the gateway"));
        // A key-based connection is EXPIRED when its key passed the end its owner gave: the key is replaced, not authorized.
        caller().get(PROXY + gitea + "/user").then().statusCode(409)
                .body("detail", containsString("credentials expired")).body("detail", containsString("PATCH"));
    }

    @Test
    void aPathThatWouldLeaveTheApisBasePathIsRefused() {
        UUID gitea = gitea();
        String call = call();

        for (String path : new String[] {"/a%2Fb", "/a%5C..%5C..%5Cadmin"}) {
            caller().header("X-Test-Call", call).get(PROXY + gitea + path).then().statusCode(400)
                    .body("errors[0].field", equalTo("path"));
        }
        // Dot segments, plain or encoded, are resolved by the HTTP layer before any route matches: no proxy route is left.
        for (String path : new String[] {"/../../admin", "/repos/%2e%2e/%2e%2e/%2e%2e/%2e%2e/admin"}) {
            caller().header("X-Test-Call", call).get(PROXY + gitea + path).then().statusCode(404);
        }
        assertNull(RecordingApi.received(call));
    }

    @Test
    void aRedirectIsPassedBackNotFollowed() {
        UUID gitea = gitea();

        caller().redirects().follow(false).get(PROXY + gitea + "/redirect").then().statusCode(302)
                .header("Location", "https://elsewhere.example/steal");
    }

    @Test
    void anAnswerLargerThanTheCapIsRefusedOrCutOff() {
        UUID gitea = gitea();

        caller().get(PROXY + gitea + "/big/" + (3 * 1024 * 1024)).then().statusCode(502)
                .body("detail", containsString("too large"));
        caller().get(PROXY + gitea + "/big/" + (1024 * 1024)).then().statusCode(200);
        // Streamed without a length, it is cut off where it passes the cap: the caller cannot take it for a whole answer.
        assertThrows(IOException.class, () -> caller().get(PROXY + gitea + "/big/" + (3 * 1024 * 1024) + "?chunked").asByteArray());
    }

    @Test
    void anApiThatDoesNotAnswerInTimeIsAGatewayTimeout() {
        UUID gitea = gitea();

        caller().get(PROXY + gitea + "/slow").then().statusCode(504).body("type", equalTo("https://latchkey.dev/problems/upstream-timeout"));
    }

    @Test
    void anApiAtAnAddressTheGuardRefusesIsNeverCalled() {
        UUID gitea = connections.withCredentials(tenant, "gitea", "api_key", Map.of("host", "10.255.255.1"),
                Map.of("apiKey", GITEA_KEY));

        caller().get(PROXY + gitea + "/user").then().statusCode(502)
                .body("type", equalTo("https://latchkey.dev/problems/destination-refused"))
                .body("detail", containsString("internal address"));
    }
}
