package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An auth config that names an environment serves connections of that environment only; one that names none serves
 * all three. The list filters by environment and status.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectionEnvironmentsTest extends ConnectionTestBase {

    private static final Map<String, Object> KEY_IN_HEADER = Map.of("name", "X-Key", "in", "header");

    @Test
    void aConnectionOutsideItsAuthConfigsEnvironmentIsRefusedAndNothingIsStored() {
        UUID staging = authConfigs.createIn(tenant, "staging", null, "api_key", KEY_IN_HEADER, Map.of());

        as("developer").body(made(staging, "production", "prod account")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("environment"))
                .body("errors.find { it.field == 'environment' }.message", containsString("staging"));
        as("developer").body(made(staging, "production", "draft")).post(CONNECTIONS + "/test").then().statusCode(400)
                .body("errors.field", hasItem("environment"));
        as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put("/api/v1/connect-sessions/allowed-origins").then()
                .statusCode(200);
        as("developer").body("""
                {"authConfigId": "%s", "environment": "development", "endUserId": "u", "returnUrl": "https://app.example.com/x"}"""
                .formatted(staging)).post("/api/v1/connect-sessions").then().statusCode(400)
                .body("errors.field", hasItem("environment"));
        as("viewer").get(CONNECTIONS).then().statusCode(200).body("items.size()", equalTo(0));

        as("developer").body(made(staging, "staging", "staging account")).post(CONNECTIONS).then().statusCode(201)
                .body("environment", equalTo("staging"));
    }

    @Test
    void anAuthConfigWithoutAnEnvironmentServesEveryOneAndTheListFiltersByEnvironmentAndStatus() {
        UUID anywhere = authConfigs.create(tenant, null, "api_key", KEY_IN_HEADER, Map.of());
        String development = created(anywhere, "development", "dev");
        String production = created(anywhere, "production", "prod");
        created(anywhere, "staging", "stage");
        pool.preparedQuery("UPDATE connections SET status = 'ERROR' WHERE id = $1").execute(Tuple.of(UUID.fromString(production)))
                .await().indefinitely();

        as("viewer").queryParam("environment", "development").get(CONNECTIONS).then().statusCode(200)
                .body("items.id", equalTo(List.of(development)));
        as("viewer").queryParam("status", "error").get(CONNECTIONS).then().statusCode(200)
                .body("items.id", equalTo(List.of(production)));
        as("viewer").queryParam("environment", "production").queryParam("status", "ACTIVE").get(CONNECTIONS).then()
                .statusCode(200).body("items.size()", equalTo(0));
        as("viewer").queryParam("environment", "staging").get(CONNECTIONS).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].name", equalTo("stage"));
    }

    private String created(UUID authConfig, String environment, String name) {
        return as("developer").body(made(authConfig, environment, name)).post(CONNECTIONS).then().statusCode(201)
                .extract().path("id");
    }

    private static String made(UUID authConfig, String environment, String name) {
        return """
                {"authConfigId": "%s", "environment": "%s", "name": "%s", "credentials": {"apiKey": "k-%s"}}"""
                .formatted(authConfig, environment, name, name);
    }
}
