package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.PlatformAppsResource;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPlatformApps;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_CLIENT_ID;
import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_CLIENT_SECRET;
import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_REALM;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's OAuth2 apps ({@link PlatformAppsResource}): offered in the catalog where configured, used by an auth
 * config that holds no client of its own, tested with the operator's client at the pinned server, never shown.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@WithPlatformApps
class PlatformAppTest extends AuthConfigTestBase {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theCatalogOffersThePlatformsAppFirstWhereTheOperatorHasOne() {
        String tenant = newTenant();
        admin(tenant).get("/api/v1/catalog/keycloak").then().statusCode(200)
                .body("authOptions[0].type", equalTo("oauth2")).body("authOptions[0].platformApp", equalTo(true))
                .body("authOptions[0].config.required", hasItem("platformApp"))
                .body("authOptions[0].config.properties.serverHost.const", equalTo(PlatformAppsResource.tokenEndpoint().hostAndPort()))
                .body("authOptions[0].config.properties.clientId", nullValue())
                .body("authOptions[0].secrets.properties.size()", equalTo(0))
                .body("authOptions[1].platformApp", equalTo(false))
                .body("authOptions[1].config.required", hasItem("clientId"));
        admin(tenant).get("/api/v1/catalog/slack").then().statusCode(200)
                .body("authOptions.platformApp", not(hasItem(true)));
    }

    @Test
    void anAuthConfigOnThePlatformsAppHoldsNoClientNoSecretAndKeepsThePinnedServer() {
        String tenant = newTenant();
        String id = created(tenant, platformApp("sso", "\"scopes\": [\"openid\"]"));

        String body = admin(tenant).get(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .body("config.platformApp", equalTo(true)).body("config.clientId", nullValue())
                .body("config.serverHost", equalTo(PlatformAppsResource.tokenEndpoint().hostAndPort()))
                .body("config.realm", equalTo(KEYCLOAK_REALM)).body("secrets.size()", equalTo(0))
                .extract().asString();
        assertFalse(body.contains(KEYCLOAK_CLIENT_SECRET), body);
        var events = TopicReader.readUntil(bootstrapServers, "latchkey.auth-configs.v1",
                record -> record.key().equals(id) && record.value().contains("auth_config.created"), Duration.ofSeconds(20));
        String created = events.get(events.size() - 1).value();
        assertTrue(created.contains("\"platformApp\":true"), created);
        assertFalse(created.contains(KEYCLOAK_CLIENT_SECRET), created);
    }

    @Test
    void itsTestAsksThePinnedTokenUrlWithTheOperatorsClient() {
        String tenant = newTenant();
        String id = created(tenant, platformApp("tested", "\"scopes\": [\"openid\"]"));
        int before = PlatformAppsResource.tokenEndpoint().requests().size();

        String result = as(tenant, "developer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("tested", equalTo(true)).body("ok", equalTo(true)).body("message", containsString("issued a token"))
                .extract().asString();

        var endpoint = PlatformAppsResource.tokenEndpoint();
        assertEquals(before + 1, endpoint.requests().size());
        String basic = Base64.getEncoder().encodeToString((KEYCLOAK_CLIENT_ID + ":" + KEYCLOAK_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, endpoint.authorizations().get(endpoint.authorizations().size() - 1));
        assertFalse(result.contains(KEYCLOAK_CLIENT_SECRET), result);
    }

    @Test
    void aClientOfItsOwnAnotherServerOrAProviderWithoutAnAppIsRefusedAndNothingIsStored() {
        String tenant = newTenant();
        create(tenant, platformApp("own-id", "\"clientId\": \"mine\"")).statusCode(400)
                .body("errors.field", hasItem("config.clientId"));
        create(tenant, """
                {"name": "own-secret", "category": "oauth2_provider", "provider": "keycloak",
                 "config": {"platformApp": true}, "secrets": {"clientSecret": "mine"}}""").statusCode(400)
                .body("errors.field", hasItem("secrets.clientSecret"));
        create(tenant, platformApp("elsewhere", "\"serverHost\": \"attacker.example\"")).statusCode(400)
                .body("errors.field", hasItem("config.serverHost"));
        create(tenant, """
                {"name": "no-app", "category": "oauth2_provider", "provider": "slack", "config": {"platformApp": true}}""")
                .statusCode(400).body("errors.field", hasItem("config.platformApp"))
                .body("errors.message", hasItem(containsString("bring your own client id and secret")));
        create(tenant, """
                {"name": "bearer", "category": "oauth2_provider", "provider": "github", "type": "bearer",
                 "config": {"platformApp": true}}""").statusCode(400).body("errors.field", hasItem("type"));
        create(tenant, """
                {"name": "custom", "category": "custom", "type": "api_key", "config": {"platformApp": true}}""")
                .statusCode(400).body("errors.field", hasItem("config.platformApp"));
        create(tenant, """
                {"name": "ending", "category": "oauth2_provider", "provider": "keycloak", "config": {"platformApp": true},
                 "secretExpiresAt": "2099-01-01T00:00:00Z"}""").statusCode(400).body("errors.field", hasItem("secretExpiresAt"));

        admin(tenant).get(AUTH_CONFIGS).then().statusCode(200).body("items", empty());
    }

    /** Its tokens are bound to the client that got them: an auth config never switches between the operator's and its own. */
    @Test
    void anEditKeepsTheChoiceOfClientAndThePinnedServer() {
        String tenant = newTenant();
        String id = created(tenant, platformApp("kept", "\"scopes\": [\"openid\"]"));

        admin(tenant).body("{\"config\": {\"platformApp\": false, \"clientId\": \"mine\"}}").patch(AUTH_CONFIGS + "/" + id)
                .then().statusCode(400);
        admin(tenant).body("{\"config\": {\"serverHost\": \"attacker.example\"}}").patch(AUTH_CONFIGS + "/" + id)
                .then().statusCode(400).body("errors.field", hasItem("config.serverHost"));
        admin(tenant).body("{\"config\": {\"scopes\": [\"openid\", \"email\"]}}").patch(AUTH_CONFIGS + "/" + id)
                .then().statusCode(200).body("config.scopes", hasItem("email")).body("config.platformApp", equalTo(true));

        String own = created(tenant, """
                {"name": "own", "category": "oauth2_provider", "provider": "github",
                 "config": {"clientId": "mine"}, "secrets": {"clientSecret": "mine-secret"}}""");
        admin(tenant).body("{\"config\": {\"platformApp\": true}}").patch(AUTH_CONFIGS + "/" + own)
                .then().statusCode(400).body("errors.field", hasItem("config.platformApp"));
    }

    private static String platformApp(String name, String config) {
        return """
                {"name": "%s", "category": "oauth2_provider", "provider": "keycloak",
                 "config": {"platformApp": true, %s}}""".formatted(name, config);
    }
}
