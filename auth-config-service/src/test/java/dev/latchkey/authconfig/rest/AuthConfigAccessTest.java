package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.ConnectedAppsProcess;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Roles decide what a caller may do; another tenant's auth config does not exist for a caller. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(ConnectedAppsProcess.class)
class AuthConfigAccessTest extends AuthConfigTestBase {

    @BeforeEach
    void connectedAppsServiceRuns() {
        ConnectedAppsProcess.ensureRunning();
    }


    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "viewer, list, 200", "viewer, get, 200", "viewer, create, 403", "viewer, edit, 403", "viewer, delete, 403",
            "developer, list, 200", "developer, get, 200", "developer, create, 201", "developer, edit, 200", "developer, delete, 403",
            "admin, list, 200", "admin, get, 200", "admin, create, 201", "admin, edit, 200", "admin, delete, 204",
            "credentials:read, list, 403", "credentials:read, create, 403"})
    void theRoleMatrixHolds(String role, String action, int status) {
        String tenant = newTenant();
        String id = created(tenant, apiKeyBody("existing", "k"));
        var request = as(tenant, role);

        var response = switch (action) {
            case "list" -> request.get(AUTH_CONFIGS);
            case "get" -> request.get(AUTH_CONFIGS + "/" + id);
            case "create" -> request.body(apiKeyBody("new", "k")).post(AUTH_CONFIGS);
            case "edit" -> request.body("{\"description\": \"edited\"}").patch(AUTH_CONFIGS + "/" + id);
            default -> request.delete(AUTH_CONFIGS + "/" + id);
        };

        response.then().statusCode(status);
    }

    @Test
    void aDenialIsAForbiddenProblem() {
        String tenant = newTenant();

        as(tenant, "viewer").body(apiKeyBody("nope", "k")).post(AUTH_CONFIGS).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        admin(tenant).get(AUTH_CONFIGS).then().body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({"get", "edit", "test", "delete"})
    void anotherTenantsIdIsNotFoundForEveryVerb(String action) {
        String owner = newTenant();
        String id = created(owner, apiKeyBody("theirs", "k"));
        var intruder = admin(newTenant());

        var response = switch (action) {
            case "get" -> intruder.get(AUTH_CONFIGS + "/" + id);
            case "edit" -> intruder.body("{\"name\": \"mine now\"}").patch(AUTH_CONFIGS + "/" + id);
            case "test" -> intruder.post(AUTH_CONFIGS + "/" + id + "/test");
            default -> intruder.delete(AUTH_CONFIGS + "/" + id);
        };

        response.then().statusCode(404);
        admin(owner).get(AUTH_CONFIGS + "/" + id).then().statusCode(200).body("name", equalTo("theirs"));
    }

    @Test
    void anotherTenantsConfigsAreNotListed() {
        String owner = newTenant();
        created(owner, apiKeyBody("theirs", "k"));

        admin(newTenant()).get(AUTH_CONFIGS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        given().get(AUTH_CONFIGS).then().statusCode(401);
        given().get("/api/v1/catalog").then().statusCode(401);
    }
}
