package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.Topics;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hosted connect links: made by a caller for its end user, opened in a browser, good for one connection. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectSessionTest extends ConnectionTestBase {

    private static final String SESSIONS = "/api/v1/connect-sessions";
    private static final String RETURN_URL = "https://app.example.com/integrations/done";
    private static final String CANARY = "canary-key-7f3a-never-on-a-page";

    @BeforeEach
    void allowTheCallersOrigin() {
        as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put(SESSIONS + "/allowed-origins").then().statusCode(200)
                .body("origins", equalTo(List.of("https://app.example.com")));
    }

    @Test
    void onlyAdminsSetAllowedOriginsAndEachMustBeAnOrigin() {
        as("developer").body("{\"origins\": [\"https://evil.example\"]}").put(SESSIONS + "/allowed-origins").then().statusCode(403);
        as("admin").body("{\"origins\": [\"https://app.example.com/path\", \"ftp://x\"]}").put(SESSIONS + "/allowed-origins").then()
                .statusCode(400).body("errors.field", equalTo(List.of("origins[0]", "origins[1]")));
        as("viewer").get(SESSIONS + "/allowed-origins").then().statusCode(200).body("origins", equalTo(List.of("https://app.example.com")));
        var changes = TopicReader.readUntil(bootstrapServers, Topics.CONNECTIONS,
                record -> record.key().equals(tenant) && record.value().contains("connection.allowed_origins_changed"), Duration.ofSeconds(20));
        assertTrue(changes.get(changes.size() - 1).value().contains("\"actor\":\"user:user\""));
    }

    @Test
    void anOriginIsHttpsOrTheDevelopersOwnMachine() {
        as("admin").body("{\"origins\": [\"https://app.example.com\", \"http://app.example.com\", \"http://localhost.evil.example\"]}")
                .put(SESSIONS + "/allowed-origins").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", equalTo(List.of("origins[1]", "origins[2]")))
                .body("errors[0].message", containsString("https"));
        as("admin").body("{\"origins\": [\"http://localhost:3000\", \"http://127.0.0.1:8080\", \"https://app.example.com:8443\"]}")
                .put(SESSIONS + "/allowed-origins").then().statusCode(200)
                .body("origins", equalTo(List.of("http://localhost:3000", "http://127.0.0.1:8080", "https://app.example.com:8443")));
    }

    @Test
    void aReturnUrlOutsideTheAllowedOriginsIsRefused() {
        UUID authConfig = apiKeyAuthConfig();
        for (String returnUrl : List.of("https://evil.example/done", "https://app.example.com.evil.example/", "http://app.example.com/")) {
            as("developer").body(session(authConfig, returnUrl)).post(SESSIONS).then().statusCode(400)
                    .body("errors.field", hasItem("returnUrl"));
        }
        asIn("other", "admin").body(session(authConfig, RETURN_URL)).post(SESSIONS).then().statusCode(400);
    }

    @Test
    void anEndUserFillsInTheFormOnceAndLandsOnTheReturnUrlWithTheConnection() {
        String token = newSession(apiKeyAuthConfig());
        String browser = openLink(token);

        inBrowser(browser).get("/connect").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .body(containsString("type=\"password\" name=\"apiKey\"")).body(containsString("action=\"/connect\""));
        inBrowser(browser).formParam("apiKey", "").post("/connect").then().statusCode(400).body(containsString("credentials.apiKey"));

        String location = inBrowser(browser).formParam("apiKey", CANARY).post("/connect").then()
                .statusCode(303).body(not(containsString(CANARY))).extract().header("Location");
        assertTrue(location.startsWith(RETURN_URL + "?connection_id="), location);
        String id = location.substring(location.indexOf('=') + 1);
        as("viewer").get(CONNECTIONS + "/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("endUserId", equalTo("customer-7")).body("environment", equalTo("staging"));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().body("credentials.apiKey", equalTo(CANARY));

        inBrowser(browser).get("/connect").then().statusCode(404).body(containsString("cannot be used"));
        inBrowser(browser).formParam("apiKey", "again").post("/connect").then().statusCode(404);
        given().get("/connect/" + token).then().statusCode(404).body(containsString("cannot be used"));
        given().get("/connect/not-a-token").then().statusCode(404);
    }

    @Test
    void anOAuthLinkSendsTheUserToTheProviderAndBackToTheReturnUrl() {
        String browser = openLink(newSession(oauthAuthConfig(Map.of())));
        inBrowser(browser).get("/connect").then().statusCode(200).body(containsString("Continue to"))
                .body(containsString("action=\"/connect/authorize\""));

        String authorizationUrl = inBrowser(browser).post("/connect/authorize").then().statusCode(303).extract().header("Location");
        URI callback = authorizeAtProvider(authorizationUrl);
        String location = inBrowser(browser).urlEncodingEnabled(false).get("/oauth/callback?" + callback.getRawQuery())
                .then().statusCode(303).extract().header("Location");

        assertTrue(location.startsWith(RETURN_URL + "?connection_id="), location);
        String id = location.substring(location.indexOf('=') + 1);
        as("viewer").get(CONNECTIONS + "/" + id).then().body("status", equalTo("ACTIVE")).body("endUserId", equalTo("customer-7"));
        inBrowser(browser).post("/connect/authorize").then().statusCode(404);
    }

    @Test
    void aProviderRefusalSendsTheUserBackWithTheError() {
        Started started = startAuthorizing(newSession(oauthAuthConfig(Map.of())));

        String location = inBrowser(started.browser()).queryParam("error", "access_denied").queryParam("state", started.state())
                .get("/oauth/callback").then().statusCode(303).extract().header("Location");

        assertEquals(RETURN_URL + "?error=access_denied", location);
    }

    /** An error code is the provider's (or an attacker's) text: braces in it were a URI template and a 500. */
    @Test
    void anErrorCodeWithBracesGoesBackEncoded() {
        Started started = startAuthorizing(newSession(oauthAuthConfig(Map.of())));

        String location = inBrowser(started.browser()).queryParam("error", "{x}").queryParam("state", started.state())
                .get("/oauth/callback").then().statusCode(303).extract().header("Location");

        assertEquals(RETURN_URL + "?error=%7Bx%7D", location);
    }

    @Test
    void aLinkWhoseAuthConfigWasDeletedSinceCannotBeUsed() {
        UUID authConfig = apiKeyAuthConfig();
        String token = newSession(authConfig);

        retire(authConfig).statusCode(200).body("retired", equalTo(true));

        String browser = openLink(token);
        inBrowser(browser).get("/connect").then().statusCode(404).body(containsString("cannot be used"));
        inBrowser(browser).formParam("apiKey", "k").post("/connect").then().statusCode(404);
        as("viewer").get(CONNECTIONS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void viewersCannotMakeLinks() {
        as("viewer").body(session(apiKeyAuthConfig(), RETURN_URL)).post(SESSIONS).then().statusCode(403);
    }

    /** A flow started on a connect page: the state the provider gets, and the browser's cookie. */
    private record Started(String state, String browser) {
    }

    /** Opens the link and starts its OAuth2 flow as the end user's button does. */
    private static Started startAuthorizing(String token) {
        String browser = openLink(token);
        String authorizationUrl = inBrowser(browser).post("/connect/authorize").then().statusCode(303).extract().header("Location");
        return new Started(URI.create(authorizationUrl).getQuery().replaceAll(".*state=([^&]+).*", "$1"), browser);
    }

    private UUID apiKeyAuthConfig() {
        return authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of());
    }

    private String newSession(UUID authConfig) {
        ExtractableResponse<Response> issued = as("developer").body(session(authConfig, RETURN_URL)).post(SESSIONS).then().statusCode(201)
                .body("expiresAt", notNullValue()).extract();
        String token = issued.path("token");
        assertTrue(issued.<String>path("connectUrl").endsWith("/connect/" + token));
        return token;
    }

    private static String session(UUID authConfig, String returnUrl) {
        return """
                {"authConfigId": "%s", "environment": "staging", "endUserId": "customer-7", "returnUrl": "%s"}"""
                .formatted(authConfig, returnUrl);
    }
}
