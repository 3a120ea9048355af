package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigDeleted;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * This service's word on deleting an auth config: retired when no connection uses it, after which none can be made
 * from it; refused while one does. A credentials read whose auth config or secret is gone is a 409, never empty.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class AuthConfigRetirementTest extends ConnectionTestBase {

    @Test
    void anAuthConfigNoConnectionUsesIsRetiredAndThenMakesNoConnection() {
        UUID authConfig = apiKeyAuthConfig();

        retire(authConfig).statusCode(200).body("retired", equalTo(true)).body("connections", equalTo(0));
        retire(authConfig).statusCode(200).body("retired", equalTo(true));

        as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("authConfigId"));
    }

    @Test
    void anAuthConfigAConnectionUsesIsNotRetiredUntilTheConnectionIsDeleted() {
        UUID authConfig = apiKeyAuthConfig();
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");

        retire(authConfig).statusCode(200).body("retired", equalTo(false)).body("connections", equalTo(1));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.apiKey", equalTo("the-key"));

        as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);
        retire(authConfig).statusCode(200).body("retired", equalTo(true));
    }

    /** The retirement can come first: the auth config's own events, arriving later, do not bring it back. */
    @Test
    void anAuthConfigRetiredBeforeItsCreationArrivesStaysRetired() {
        UUID authConfig = UUID.randomUUID();
        retire(authConfig).statusCode(200).body("retired", equalTo(true));

        authConfigs.publish(tenant, new AuthConfigCreated(authConfig, "late", "custom", null, "api_key", null,
                Map.of("name", "X-API-Key", "in", "header"), List.of()));
        authConfigs.update(tenant, authConfig, 2, Map.of("name", "X-API-Key", "in", "header"));

        as("developer").body(connection(authConfig, "{\"apiKey\": \"k\"}")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("authConfigId"));
    }

    @Test
    void onlyLatchkeysOwnServicesAskAndAnotherTenantsConnectionsDoNotCount() {
        UUID authConfig = apiKeyAuthConfig();
        as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201);

        given().post(retirementPath(tenant, authConfig)).then().statusCode(401);
        as("admin").post(retirementPath(tenant, authConfig)).then().statusCode(403);
        retireIn("t-" + UUID.randomUUID(), authConfig).statusCode(200).body("connections", equalTo(0));
        retire(authConfig).statusCode(200).body("retired", equalTo(false));
    }

    /** An install from before retirements could delete an auth config in use: its connections' reads say so. */
    @Test
    void aCredentialsReadWhoseAuthConfigIsGoneIsAConflictNotAnEmptyAnswer() {
        UUID authConfig = apiKeyAuthConfig();
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");

        authConfigs.publish(tenant, new AuthConfigDeleted(authConfig, "gone"));
        Eventually.until("the auth config marked deleted", () -> deleted(authConfig));

        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("auth config was deleted"));
    }

    @Test
    void aCredentialsReadWhoseSecretIsGoneIsAConflictNotAnEmptyAnswer() {
        UUID authConfig = apiKeyAuthConfig();
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");

        secrets.destroy(SecretPath.authConfig(tenant, authConfig)).await().indefinitely();

        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(409)
                .body("detail", containsString("stored credentials are gone"));
    }

    private UUID apiKeyAuthConfig() {
        return authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of("apiKey", "the-key"));
    }

    private boolean deleted(UUID authConfig) {
        return pool.preparedQuery("SELECT deleted FROM auth_configs WHERE id = $1").execute(Tuple.of(authConfig))
                .await().indefinitely().iterator().next().getBoolean(0);
    }
}
