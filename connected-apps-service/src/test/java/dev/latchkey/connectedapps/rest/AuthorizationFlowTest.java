package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization-code flow with PKCE, driven over HTTP against the test OAuth2 server. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class AuthorizationFlowTest extends ConnectionTestBase {

    private UUID authConfig;

    @BeforeEach
    void oauthAuthConfig() {
        authConfig = oauthAuthConfig(Map.of());
    }

    @Test
    void theUserAuthorizesAtTheProviderAndTheConnectionBecomesActiveWithItsTokens() {
        var pending = startConnecting(authConfig);
        URI callback = authorizeAtProvider(pending.authorizationUrl());

        given().urlEncodingEnabled(false).get("/oauth/callback?" + callback.getRawQuery()).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("is connected"));

        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("expiresAt", notNullValue())
                .body("grantedScopes", equalTo(List.of("openid", "profile")));
        String accessToken = as("credentials:read").get(CONNECTIONS + "/" + pending.id() + "/credentials").then().statusCode(200)
                .body("credentials.accessToken", notNullValue()).body("credentials.expiresAt", notNullValue())
                .body("credentials", not(hasKey("refreshToken"))).body("credentials", not(hasKey("clientSecret")))
                .extract().path("credentials.accessToken");

        List.of(as("admin").get(CONNECTIONS + "/" + pending.id()).asString(), as("admin").get(CONNECTIONS).asString())
                .forEach(view -> assertFalse(view.contains(accessToken), view));
        TopicReader.readUntil(bootstrapServers, "latchkey.connections.v1",
                        record -> record.value().contains("connection.authorized") && record.key().equals(pending.id()),
                        Duration.ofSeconds(20))
                .forEach(record -> assertFalse(record.value().contains(accessToken), record.value()));
    }

    @Test
    void aStateIsUsedOnceAndAnUnknownOrTamperedOneChangesNothing() {
        var pending = startConnecting(authConfig);
        String query = authorizeAtProvider(pending.authorizationUrl()).getRawQuery();
        given().urlEncodingEnabled(false).get("/oauth/callback?" + query).then().statusCode(200);

        given().urlEncodingEnabled(false).get("/oauth/callback?" + query).then().statusCode(400).body(containsString("cannot be used"));
        given().urlEncodingEnabled(false).get("/oauth/callback?code=x&state=not-a-state").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/oauth/callback?" + query.replaceAll("state=[^&]+", "state=tampered")).then().statusCode(400);
        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aPendingConnectionHasNoCredentialsAndCanBeAuthorizedAgain() {
        var pending = startConnecting(authConfig);

        as("credentials:read").get(CONNECTIONS + "/" + pending.id() + "/credentials").then().statusCode(409)
                .body("detail", containsString("/reauthorize"));
        String again = as("developer").post(CONNECTIONS + "/" + pending.id() + "/reauthorize").then().statusCode(200)
                .extract().path("authorizationUrl");
        given().urlEncodingEnabled(false).get("/oauth/callback?" + authorizeAtProvider(again).getRawQuery()).then().statusCode(200);

        as("credentials:read").get(CONNECTIONS + "/" + pending.id() + "/credentials").then().statusCode(200);
        as("viewer").post(CONNECTIONS + "/" + pending.id() + "/reauthorize").then().statusCode(403);
    }

    @Test
    void theProvidersRefusalIsExplainedInLatchkeysWordsOnly() {
        var pending = startConnecting(authConfig);

        given().urlEncodingEnabled(false).get("/oauth/callback?error=access_denied&error_description=Call%20%2B1-555-0100%20to%20unlock"
                        + "&state=anything").then().statusCode(400)
                .body(containsString("declined")).body(not(containsString("555-0100")));
        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("PENDING"));
    }

    @Test
    void anErrorCodeNoStandardDefinesIsNeverEchoed() {
        given().urlEncodingEnabled(false).get("/oauth/callback?error=Your%20account%20is%20locked%2C%20visit%20evil.example"
                        + "&error_description=visit%20evil.example&state=anything").then().statusCode(400)
                .body(containsString("did not authorize the connection")).body(not(containsString("evil.example")));
    }

    /** The connectivity API: the user lands where the caller said, an origin of the tenant's allowed ones. */
    @Test
    void aConnectionMadeWithARedirectUriSendsTheUserThereAfterTheProvider() {
        as("admin").body("{\"origins\": [\"https://app.example.com\"]}").put("/api/v1/connect-sessions/allowed-origins")
                .then().statusCode(200);
        String request = """
                {"authConfigId": "%s", "environment": "development", "name": "my account", "redirectUri": "%s"}""";

        as("developer").body(request.formatted(authConfig, "https://elsewhere.example/done")).post(CONNECTIONS).then()
                .statusCode(400).body("errors.field", hasItem("redirectUri"));
        String authorizationUrl = as("developer").body(request.formatted(authConfig, "https://app.example.com/done"))
                .post(CONNECTIONS).then().statusCode(201).extract().path("authorizationUrl");
        URI callback = authorizeAtProvider(authorizationUrl);
        String location = given().redirects().follow(false).urlEncodingEnabled(false)
                .get("/oauth/callback?" + callback.getRawQuery()).then().statusCode(303).extract().header("Location");

        assertTrue(location.startsWith("https://app.example.com/done?connection_id="), location);
        as("viewer").get(CONNECTIONS + "/" + location.substring(location.indexOf('=') + 1)).then()
                .body("status", equalTo("ACTIVE"));
    }
}
