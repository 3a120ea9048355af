package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connect link opens once: the first visit swaps it for a {@code __Host-} cookie and an address without the token,
 * the page and its form know the session by that cookie only, and the OAuth2 flow it starts completes only in that
 * browser (RFC 9700 §4.7). The provider's token endpoint is a real loopback server that records what reaches it.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectLinkBrowserTest extends ConnectionTestBase {

    private static final Pattern COOKIE = Pattern.compile(
            "__Host-latchkey-connect=([A-Za-z0-9_-]{43}); Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=(\\d+)");
    private static final String RETURN_URL = "https://app.example.com/done";

    private ScriptedTokenEndpoint tokenEndpoint;

    @BeforeEach
    void aProviderAndTheCallersOrigin() {
        tokenEndpoint = ScriptedTokenEndpoint.start();
        as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put("/api/v1/connect-sessions/allowed-origins").then()
                .statusCode(200);
    }

    @AfterEach
    void stop() {
        tokenEndpoint.close();
    }

    @Test
    void openingALinkGivesTheBrowserAHostCookieAndAnAddressWithoutTheToken() {
        String token = newSession(apiKeyAuthConfig());

        ExtractableResponse<Response> opened = given().redirects().follow(false).get("/connect/" + token).then().statusCode(303)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").extract();

        String location = opened.header("Location");
        assertEquals("/connect", URI.create(location).getPath(), location);
        assertFalse(location.contains(token), location);
        Matcher cookie = COOKIE.matcher(opened.header("Set-Cookie"));
        assertTrue(cookie.matches(), opened.header("Set-Cookie"));
        long maxAge = Long.parseLong(cookie.group(2));
        assertTrue(maxAge > 1700 && maxAge <= 1800, "Max-Age " + maxAge + " is not the session's remaining 30 minutes");
        inBrowser(cookie.group(1)).get(location).then().statusCode(200).body(containsString("name=\"apiKey\""))
                .body(not(containsString(token)));
    }

    @Test
    void aLinkOpenedOnceDoesNotOpenAgain() {
        String token = newSession(apiKeyAuthConfig());
        String first = openLink(token);

        given().redirects().follow(false).get("/connect/" + token).then().statusCode(404).body(containsString("cannot be used"))
                .body(not(containsString("name=\"apiKey\"")));
        String again = given().redirects().follow(false).get("/connect/" + token).then().extract().header("Set-Cookie");

        assertNull(again);
        inBrowser(first).get("/connect").then().statusCode(200).body(containsString("name=\"apiKey\""));
    }

    @Test
    void theFormConnectsWithTheCookieAndNothingWithoutIt() {
        String browser = openLink(newSession(apiKeyAuthConfig()));
        String stranger = openLink(newSession(apiKeyAuthConfig()));

        given().get("/connect").then().statusCode(404).body(containsString("cannot be used"));
        given().redirects().follow(false).formParam("apiKey", "k").post("/connect").then().statusCode(404);
        inBrowser("not-" + browser).formParam("apiKey", "k").post("/connect").then().statusCode(404);
        as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(0));

        String location = inBrowser(browser).formParam("apiKey", "k").post("/connect").then().statusCode(303).extract().header("Location");

        assertTrue(location.startsWith(RETURN_URL + "?connection_id="), location);
        inBrowser(stranger).get("/connect").then().statusCode(200);
        as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(1));
    }

    @Test
    void anAnswerReachingABrowserWithoutTheCookieIsRefusedAndItsCodeSentNowhere() {
        String browser = openLink(newSession(oauthAuthConfig()));
        String answer = authorizeAtProvider(inBrowser(browser).post("/connect/authorize").then().statusCode(303)
                .extract().header("Location")).getRawQuery();

        given().urlEncodingEnabled(false).redirects().follow(false).get("/oauth/callback?" + answer).then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("started in another browser"));

        assertRefused(answer, browser);
    }

    @Test
    void anAnswerReachingAnotherBrowserIsRefusedAndItsCodeSentNowhere() {
        String victim = openLink(newSession(oauthAuthConfig()));
        String attacker = openLink(newSession(oauthAuthConfig()));
        String answer = authorizeAtProvider(inBrowser(attacker).post("/connect/authorize").then().statusCode(303)
                .extract().header("Location")).getRawQuery();

        inBrowser(victim).urlEncodingEnabled(false).get("/oauth/callback?" + answer).then().statusCode(400)
                .body(containsString("started in another browser"));

        assertRefused(answer, attacker);
    }

    @Test
    void theBrowserThatStartedTheFlowCompletesIt() {
        String browser = openLink(newSession(oauthAuthConfig()));
        String answer = authorizeAtProvider(inBrowser(browser).post("/connect/authorize").then().statusCode(303)
                .extract().header("Location")).getRawQuery();

        String location = inBrowser(browser).urlEncodingEnabled(false).get("/oauth/callback?" + answer).then().statusCode(303)
                .extract().header("Location");

        assertTrue(location.startsWith(RETURN_URL + "?connection_id="), location);
        as("viewer").get(CONNECTIONS + "/" + location.substring(location.indexOf('=') + 1)).then().body("status", equalTo("ACTIVE"));
        assertEquals("authorization_code", tokenEndpoint.requests().get(0).get("grant_type"));
    }

    /** The state is spent (even its own browser cannot use it now), no code was exchanged, the failure is on record. */
    private void assertRefused(String answer, String startedIn) {
        inBrowser(startedIn).urlEncodingEnabled(false).get("/oauth/callback?" + answer).then().statusCode(400)
                .body(containsString("cannot be used"));
        assertEquals(List.of(), tokenEndpoint.requests());
        String id = as("viewer").get(CONNECTIONS).then().body("items.size()", equalTo(1)).body("items[0].status", equalTo("PENDING"))
                .extract().path("items[0].id");
        TopicReader.readUntil(bootstrapServers, "latchkey.connections.v1", record -> record.key().equals(id)
                && record.value().contains("authorization_failed") && record.value().contains("browser_mismatch"), Duration.ofSeconds(20));
    }

    private UUID apiKeyAuthConfig() {
        return authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of());
    }

    private UUID oauthAuthConfig() {
        Map<String, Object> config = new HashMap<>(Map.of("authorizationUrl", provider() + "/authorize",
                "tokenUrl", tokenEndpoint.tokenUrl(), "clientId", "demo-client", "scopes", List.of("openid")));
        return authConfigs.create(tenant, null, "oauth2", config, Map.of("clientSecret", "s3cret"));
    }

    private String newSession(UUID authConfig) {
        return as("developer").body("""
                {"authConfigId": "%s", "environment": "staging", "endUserId": "customer-7", "returnUrl": "%s"}"""
                .formatted(authConfig, RETURN_URL)).post("/api/v1/connect-sessions").then().statusCode(201).extract().path("token");
    }
}
