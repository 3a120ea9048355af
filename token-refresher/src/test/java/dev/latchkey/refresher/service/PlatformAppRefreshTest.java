package dev.latchkey.refresher.service;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.PlatformAppsResource;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPlatformApps;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_CLIENT_ID;
import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_CLIENT_SECRET;
import static dev.latchkey.testing.PlatformAppsResource.KEYCLOAK_REALM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A connection of an auth config that uses the operator's OAuth2 app is refreshed at the server the operator pinned,
 * with the operator's client: the auth config holds neither, and its events carry no secret.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@WithPlatformApps
class PlatformAppRefreshTest extends RefresherTestBase {

    @Test
    void itsTokensAreRefreshedWithTheOperatorsClientAtThePinnedServer() {
        var endpoint = PlatformAppsResource.tokenEndpoint();
        UUID onPlatformApp = UUID.randomUUID();
        EventPublisher.publish(bootstrapServers, tenant, new AuthConfigCreated(onPlatformApp, "sso", "oauth2_provider", "keycloak",
                "oauth2", null, Map.of("platformApp", true, "serverHost", endpoint.hostAndPort(), "realm", KEYCLOAK_REALM),
                List.of()));
        Eventually.until("the auth config's projection",
                () -> count("SELECT count(*) FROM auth_configs WHERE id = $1", onPlatformApp) == 1);
        UUID id = connection(tenant, onPlatformApp, "platform-refresh-0", Duration.ofMinutes(5));
        int before = endpoint.requests().size();

        makeDue(id);
        drainDue();

        Map<String, String> refresh = endpoint.requests().get(before);
        assertEquals("refresh_token", refresh.get("grant_type"));
        assertEquals("platform-refresh-0", refresh.get("refresh_token"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((KEYCLOAK_CLIENT_ID + ":" + KEYCLOAK_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8)), endpoint.authorizations().get(before));
        assertFalse(tokens(id).get("accessToken").equals("access-0"), "refreshed");
        tokenEvents(id, "token.refreshed").forEach(event -> assertFalse(event.contains(KEYCLOAK_CLIENT_SECRET), event));
    }
}
