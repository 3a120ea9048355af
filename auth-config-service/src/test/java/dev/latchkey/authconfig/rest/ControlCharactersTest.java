package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Control characters (C0, DEL, C1) in text input are a 400 problem naming the field, and change nothing: a key
 * ending in a newline would break every request it is sent in, and NUL cannot be stored. Only a multi-line field
 * (a PEM or JSON key) takes line breaks.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ControlCharactersTest extends AuthConfigTestBase {

    /** JSON escapes of a canary key: a trailing newline, a NUL, a character outside Latin-1 (the euro sign). */
    private static final String CANARY = "canary-5e1b-key";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\n", "\\u0000", "\\u007f", "\\u0085", "\\u20ac"})
    void aKeyThatNoHeaderCanCarryIsRefusedOnCreateAndEditNamingTheFieldNotTheValue(String character) {
        String tenant = newTenant();
        String canary = CANARY + character;

        create(tenant, apiKeyBody("refused", canary)).statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation")).body("errors.field", hasItem("secrets.apiKey"))
                .body(not(containsString(CANARY)));
        admin(tenant).get(AUTH_CONFIGS).then().body("items.size()", equalTo(0));

        String id = created(tenant, apiKeyBody("kept", "a-good-key"));
        admin(tenant).body("{\"secrets\": {\"apiKey\": \"%s\"}}".formatted(canary)).patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(400).body("errors.field", hasItem("secrets.apiKey")).body(not(containsString(CANARY)));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void theMessageSaysWhichCharacterItFound() {
        create(newTenant(), apiKeyBody("nl", CANARY + "\\n")).statusCode(400)
                .body("errors.find { it.field == 'secrets.apiKey' }.message", containsString("U+000A"));
        create(newTenant(), apiKeyBody("euro", CANARY + "\\u20ac")).statusCode(400)
                .body("errors.find { it.field == 'secrets.apiKey' }.message", containsString("Latin-1"));
    }

    @Test
    void aMultiLineKeyTakesLineBreaksButNoOtherControlCharacter() {
        String tenant = newTenant();
        String key = "{\\r\\n  \\\"type\\\": \\\"service_account\\\"\\n}";

        create(tenant, gcs("with line breaks", key)).statusCode(201);
        create(tenant, gcs("with a NUL", key + "\\u0000")).statusCode(400).body("errors.field", hasItem("secrets.serviceAccountKey"))
                .body("errors.find { it.field == 'secrets.serviceAccountKey' }.message", containsString("other than line breaks"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name | {\"name\": \"a\\u0000b\", \"category\": \"custom\", \"type\": \"no_auth\"}",
            "description | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"no_auth\", \"description\": \"a\\u0000b\"}",
            "config.clientId | {\"name\": \"x\", \"category\": \"oauth2_provider\", \"provider\": \"github\", \"config\": {\"clientId\": \"c\\u0000\"}, \"secrets\": {\"clientSecret\": \"s\"}}",
            "config.scopes | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"oauth2_client_credentials\", \"config\": {\"tokenUrl\": \"https://id.example.com/t\", \"clientId\": \"c\", \"scopes\": [\"a\\u0000\"]}, \"secrets\": {\"clientSecret\": \"s\"}}",
            "config.tokenUrl | {\"name\": \"x\", \"category\": \"custom\", \"type\": \"oauth2_client_credentials\", \"config\": {\"tokenUrl\": \"https://id.example.com/\\u0000\", \"clientId\": \"c\"}, \"secrets\": {\"clientSecret\": \"s\"}}"})
    void nulInABodyIsA400NamingTheFieldAndCreatesNothing(String field, String body) {
        String tenant = newTenant();

        create(tenant, body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));

        admin(tenant).get(AUTH_CONFIGS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void nulInAnEditIsA400AndChangesNothing() {
        String tenant = newTenant();
        String id = created(tenant, apiKeyBody("kept", "a-good-key"));

        admin(tenant).body("{\"name\": \"a\\u0000b\", \"description\": \"fine\\nlines\"}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(400).body("errors.field", hasItem("name"));
        admin(tenant).body("{\"config\": {\"name\": \"X-\\u0000\"}}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(400).body("errors.field", hasItem("config.name"));

        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().header("ETag", equalTo("\"0\"")).body("name", equalTo("kept"))
                .body("config.name", equalTo("X-API-Key"));
        admin(tenant).body("{\"description\": \"two\\nlines\"}").patch(AUTH_CONFIGS + "/" + id).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q", "provider", "type", "environment", "cursor"})
    void nulInAListFilterIsA400NamingIt(String parameter) {
        admin(newTenant()).urlEncodingEnabled(false).get(AUTH_CONFIGS + "?" + parameter + "=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(parameter));
    }

    @Test
    void aCallerWithoutATokenStillGets401First() {
        given().urlEncodingEnabled(false).get(AUTH_CONFIGS + "?q=a%00b").then().statusCode(401);
    }

    private static String gcs(String name, String key) {
        return """
                {"name": "%s", "category": "native_connector", "provider": "google-cloud-storage",
                 "config": {"projectId": "my-project-123"}, "secrets": {"serviceAccountKey": "%s"}}""".formatted(name, key);
    }
}
