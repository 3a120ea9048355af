package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Control characters (C0, DEL, C1) in text input are a 400 problem naming the field, and change nothing: a key with
 * a newline would break every request it is sent in, and NUL cannot be stored.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ControlCharactersTest extends ConnectionTestBase {

    private static final String CANARY = "canary-a71f-key";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\n", "\\u0000", "\\u007f", "\\u20ac"})
    void aKeyThatNoHeaderCanCarryIsRefusedNamingTheFieldNotTheValue(String character) {
        UUID authConfig = apiKeyAuthConfig();

        as("developer").body(connection(authConfig, "{\"apiKey\": \"%s%s\"}".formatted(CANARY, character))).post(CONNECTIONS).then()
                .statusCode(400).contentType("application/problem+json").body("type", endsWith("/validation"))
                .body("errors.field", hasItem("credentials.apiKey")).body(not(containsString(CANARY)));

        as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(0));
    }

    @Test
    void theConnectPageRefusesAKeyWithAControlCharacterAndConnectsNothing() {
        UUID authConfig = apiKeyAuthConfig();
        as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put("/api/v1/connect-sessions/allowed-origins");
        String token = as("developer").body("""
                {"authConfigId": "%s", "environment": "staging", "endUserId": "u", "returnUrl": "https://app.example.com/x"}"""
                .formatted(authConfig)).post("/api/v1/connect-sessions").then().statusCode(201).extract().path("token");

        String page = inBrowser(openLink(token)).formParam("apiKey", CANARY + "\n").post("/connect").then().statusCode(400)
                .body(containsString("credentials.apiKey")).extract().asString();

        assertFalse(page.contains(CANARY), page);
        as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name | {\"authConfigId\": \"%s\", \"environment\": \"production\", \"name\": \"a\\u0000b\", \"credentials\": {\"apiKey\": \"k\"}}",
            "endUserId | {\"authConfigId\": \"%s\", \"environment\": \"production\", \"name\": \"n\", \"endUserId\": \"u\\u0000\", \"credentials\": {\"apiKey\": \"k\"}}",
            "metadata | {\"authConfigId\": \"%s\", \"environment\": \"production\", \"name\": \"n\", \"metadata\": {\"team\": \"a\\u0000\"}, \"credentials\": {\"apiKey\": \"k\"}}",
            "metadata | {\"authConfigId\": \"%s\", \"environment\": \"production\", \"name\": \"n\", \"metadata\": {\"t\\u0000\": \"a\"}, \"credentials\": {\"apiKey\": \"k\"}}",
            "metadata | {\"authConfigId\": \"%s\", \"environment\": \"production\", \"name\": \"n\", \"metadata\": {\"deep\": [{\"x\": \"\\u0000\"}]}, \"credentials\": {\"apiKey\": \"k\"}}"})
    void nulInABodyIsA400NamingTheFieldAndCreatesNothing(String field, String body) {
        UUID authConfig = apiKeyAuthConfig();

        as("developer").body(body.formatted(authConfig)).post(CONNECTIONS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));

        as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(0));
    }

    @Test
    void nulInAnEditIsA400AndChangesNothing() {
        UUID authConfig = apiKeyAuthConfig();
        String id = as("developer").body(connection(authConfig, "{\"apiKey\": \"k\"}")).post(CONNECTIONS).then().statusCode(201)
                .extract().path("id");

        as("developer").body("{\"name\": \"a\\u0000b\"}").patch(CONNECTIONS + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("name"));
        as("developer").body("{\"metadata\": {\"team\": \"\\u0000\"}}").patch(CONNECTIONS + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("metadata"));

        as("viewer").get(CONNECTIONS + "/" + id).then().body("name", equalTo("acme account")).body("metadata.size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"endUserId", "provider", "environment", "cursor"})
    void nulInAListFilterIsA400NamingIt(String parameter) {
        as("viewer").urlEncodingEnabled(false).get(CONNECTIONS + "?" + parameter + "=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(parameter));
    }

    @Test
    void nulInAConnectSessionsEndUserIsA400() {
        UUID authConfig = apiKeyAuthConfig();
        as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put("/api/v1/connect-sessions/allowed-origins");

        as("developer").body("""
                {"authConfigId": "%s", "environment": "staging", "endUserId": "u\\u0000", "returnUrl": "https://app.example.com/x"}"""
                .formatted(authConfig)).post("/api/v1/connect-sessions").then().statusCode(400).body("errors.field", hasItem("endUserId"));
    }

    @Test
    void nulInTheOAuthCallbacksParametersIsA400Problem() {
        given().urlEncodingEnabled(false).get("/oauth/callback?state=a%00b&code=c").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("state"));
    }

    private UUID apiKeyAuthConfig() {
        return authConfigs.create(tenant, null, "api_key", Map.of("name", "X-Key", "in", "header"), Map.of());
    }
}
