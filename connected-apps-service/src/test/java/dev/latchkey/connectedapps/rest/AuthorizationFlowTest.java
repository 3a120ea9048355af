package dev.latchkey.connectedapps.rest;

import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
class AuthorizationFlowTest {

    private static final String CONNECTIONS = "/api/v1/connections";

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String tenant;
    private UUID authConfig;

    @BeforeEach
    void oauthAuthConfig() {
        tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String issuer = OidcTestServer.current().issuerUrl("provider");
        authConfig = new AuthConfigs(bootstrapServers, secrets, pool).create(tenant, null, "oauth2",
                Map.of("authorizationUrl", issuer + "/authorize", "tokenUrl", issuer + "/token", "clientId", "demo-client",
                        "scopes", List.of("openid", "profile")),
                Map.of("clientSecret", "demo-secret"));
    }

    @Test
    void theUserAuthorizesAtTheProviderAndTheConnectionBecomesActiveWithItsTokens() {
        var pending = startConnecting();
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
        var pending = startConnecting();
        String query = authorizeAtProvider(pending.authorizationUrl()).getRawQuery();
        given().urlEncodingEnabled(false).get("/oauth/callback?" + query).then().statusCode(200);

        given().urlEncodingEnabled(false).get("/oauth/callback?" + query).then().statusCode(400).body(containsString("cannot be used"));
        given().urlEncodingEnabled(false).get("/oauth/callback?code=x&state=not-a-state").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/oauth/callback?" + query.replaceAll("state=[^&]+", "state=tampered")).then().statusCode(400);
        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aPendingConnectionHasNoCredentialsAndCanBeAuthorizedAgain() {
        var pending = startConnecting();

        as("credentials:read").get(CONNECTIONS + "/" + pending.id() + "/credentials").then().statusCode(409)
                .body("detail", containsString("/reauthorize"));
        String again = as("developer").post(CONNECTIONS + "/" + pending.id() + "/reauthorize").then().statusCode(200)
                .extract().path("authorizationUrl");
        given().urlEncodingEnabled(false).get("/oauth/callback?" + authorizeAtProvider(again).getRawQuery()).then().statusCode(200);

        as("credentials:read").get(CONNECTIONS + "/" + pending.id() + "/credentials").then().statusCode(200);
        as("viewer").post(CONNECTIONS + "/" + pending.id() + "/reauthorize").then().statusCode(403);
    }

    @Test
    void theProvidersRefusalIsExplained() {
        var pending = startConnecting();

        given().urlEncodingEnabled(false).get("/oauth/callback?error=access_denied&error_description=user%20said%20no&state=anything").then().statusCode(400)
                .body(containsString("declined")).body(containsString("user said no"));
        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("PENDING"));
    }

    private record Pending(String id, String authorizationUrl) {
    }

    private Pending startConnecting() {
        var created = as("developer").body("""
                {"authConfigId": "%s", "environment": "development", "name": "my account"}""".formatted(authConfig))
                .post(CONNECTIONS).then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("authorizationUrl", containsString("code_challenge_method=S256")).extract();
        return new Pending(created.path("id"), created.path("authorizationUrl"));
    }

    /** The provider's login: the test server signs the user in at once and redirects back with a code. */
    private static URI authorizeAtProvider(String authorizationUrl) {
        String location = given().urlEncodingEnabled(false).redirects().follow(false).get(URI.create(authorizationUrl)).then().statusCode(302)
                .extract().header("Location");
        URI callback = URI.create(location);
        assertTrue(callback.getPath().endsWith("/oauth/callback") && callback.getRawQuery().contains("code="), location);
        return callback;
    }

    private RequestSpecification as(String role) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "user", role)).contentType(ContentType.JSON);
    }
}
