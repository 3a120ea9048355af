package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.PlatformAppsResource;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPlatformApps;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_CLIENT_ID;
import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_CLIENT_SECRET;
import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_REALM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection of an auth config that uses the operator's OAuth2 app: the user authorizes the operator's client at the
 * pinned server, and the code goes there (over TLS, to a server whose CA the operator trusts) with the operator's client
 * secret, which no response or event carries.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@WithPlatformApps
class PlatformAppFlowTest extends ConnectionTestBase {

    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

    @Test
    void theUserAuthorizesTheOperatorsClientAndItsSecretRedeemsTheCode() {
        var endpoint = PlatformAppsResource.tokenEndpoint();
        String server = "https://" + endpoint.hostAndPort() + "/realms/" + KEYCLOAK_REALM;
        UUID authConfig = authConfigs.create(tenant, "keycloak", "oauth2", Map.of("platformApp", true,
                "serverHost", endpoint.hostAndPort(), "realm", KEYCLOAK_REALM, "scopes", List.of("openid")), Map.of());

        var pending = startConnecting(authConfig);
        assertTrue(pending.authorizationUrl().startsWith(server + "/protocol/openid-connect/auth?"), pending.authorizationUrl());
        assertTrue(pending.authorizationUrl().contains("client_id=" + KEYCLOAK_CLIENT_ID), pending.authorizationUrl());
        int before = endpoint.requests().size();

        given().urlEncodingEnabled(false).get("/oauth/callback?code=platform-code&state=" + state(pending.authorizationUrl())
                + "&iss=" + URLEncoder.encode(server, StandardCharsets.UTF_8)).then().statusCode(200).body(containsString("is connected"));

        assertEquals(before + 1, endpoint.requests().size());
        Map<String, String> exchange = endpoint.requests().get(before);
        assertEquals("authorization_code", exchange.get("grant_type"));
        assertEquals("platform-code", exchange.get("code"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((KEYCLOAK_CLIENT_ID + ":" + KEYCLOAK_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8)), endpoint.authorizations().get(before));
        String connection = as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("ACTIVE"))
                .extract().asString();
        as("credentials:read").get(CONNECTIONS + "/" + pending.id() + "/credentials").then().statusCode(200)
                .body("credentials.accessToken", startsWith("access-"));
        assertFalse(connection.contains(KEYCLOAK_CLIENT_SECRET), connection);
        var events = TopicReader.readUntil(bootstrapServers, "latchkey.connections.v1",
                record -> record.key().equals(pending.id()) && record.value().contains("connection.authorized"), Duration.ofSeconds(20));
        events.forEach(event -> assertFalse(event.value().contains(KEYCLOAK_CLIENT_SECRET), event.value()));
    }

    private static String state(String authorizationUrl) {
        Matcher state = STATE.matcher(authorizationUrl);
        assertTrue(state.find(), authorizationUrl);
        return state.group(1);
    }
}
