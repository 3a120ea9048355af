package dev.latchkey.connectedapps.rest;

import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.OidcTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the HTTP tests of this service share: a fresh tenant each test, callers by role, auth configs made by events. */
abstract class ConnectionTestBase {

    static final String CONNECTIONS = "/api/v1/connections";
    static final String BROWSER_COOKIE = "__Host-latchkey-connect";

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    AuthConfigs authConfigs;
    String tenant;

    @BeforeEach
    void newTenant() {
        authConfigs = new AuthConfigs(bootstrapServers, secrets, pool);
        tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    RequestSpecification as(String role) {
        return asIn(tenant, role);
    }

    static RequestSpecification asIn(String tenant, String role) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "user", role)).contentType(ContentType.JSON);
    }

    /** The test OAuth2 server's issuer that plays a provider: authorize, token and revoke endpoints. */
    static String provider() {
        return OidcTestServer.current().issuerUrl("provider");
    }

    /** An OAuth2 auth config of the test provider, with {@code extra} config (a revocation URL). */
    UUID oauthAuthConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of("authorizationUrl", provider() + "/authorize",
                "tokenUrl", provider() + "/token", "clientId", "demo-client", "scopes", List.of("openid", "profile")));
        config.putAll(extra);
        return authConfigs.create(tenant, null, "oauth2", config, Map.of("clientSecret", "demo-secret"));
    }

    record Pending(String id, String authorizationUrl) {
    }

    Pending startConnecting(UUID authConfig) {
        var created = as("developer").body("""
                {"authConfigId": "%s", "environment": "development", "name": "my account"}""".formatted(authConfig))
                .post(CONNECTIONS).then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("authorizationUrl", containsString("code_challenge_method=S256")).extract();
        return new Pending(created.path("id"), created.path("authorizationUrl"));
    }

    /** The whole flow: start, sign in at the provider, land on the callback; returns the ACTIVE connection's id. */
    String connectAccount(UUID authConfig) {
        Pending pending = startConnecting(authConfig);
        given().urlEncodingEnabled(false).get("/oauth/callback?" + authorizeAtProvider(pending.authorizationUrl()).getRawQuery())
                .then().statusCode(200);
        return pending.id();
    }

    /** The provider's login: the test server signs the user in at once and redirects back with a code. */
    static URI authorizeAtProvider(String authorizationUrl) {
        String location = given().urlEncodingEnabled(false).redirects().follow(false).get(URI.create(authorizationUrl)).then()
                .statusCode(302).extract().header("Location");
        URI callback = URI.create(location);
        assertTrue(callback.getPath().endsWith("/oauth/callback") && callback.getRawQuery().contains("code="), location);
        return callback;
    }

    /** Opens a connect link as a browser does the first time; returns the secret in the cookie it was given. */
    static String openLink(String token) {
        String browser = given().redirects().follow(false).get("/connect/" + token).then().statusCode(303)
                .extract().cookie(BROWSER_COOKIE);
        assertTrue(browser != null && !browser.isEmpty(), "no " + BROWSER_COOKIE + " cookie");
        return browser;
    }

    /**
     * A request from the browser that holds {@code browser} in its cookie. Sent by hand: RestAssured keeps no cookie
     * jar, and a {@code Secure} cookie over http://localhost is what browsers send too (a secure context).
     */
    static RequestSpecification inBrowser(String browser) {
        return given().redirects().follow(false).cookie(BROWSER_COOKIE, browser);
    }

    static String connection(UUID authConfig, String credentials) {
        return """
                {"authConfigId": "%s", "environment": "production", "name": "acme account", "endUserId": "user-42",
                 "credentials": %s}""".formatted(authConfig, credentials);
    }

    /** Retires {@code authConfig} as auth-config-service does before deleting it. */
    ValidatableResponse retire(UUID authConfig) {
        return retireIn(tenant, authConfig);
    }

    /** As auth-config-service asks: with a service token (tenant "system", role "service"), the tenant in the path. */
    static ValidatableResponse retireIn(String tenant, UUID authConfig) {
        return given().auth().oauth2(OidcTestServer.current().accessToken("system", "auth-config-service", "service"))
                .post(retirementPath(tenant, authConfig)).then();
    }

    static String retirementPath(String tenant, UUID authConfig) {
        return "/internal/v1/tenants/" + tenant + "/auth-configs/" + authConfig + "/retirement";
    }
}
