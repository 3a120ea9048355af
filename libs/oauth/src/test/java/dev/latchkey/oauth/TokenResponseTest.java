package dev.latchkey.oauth;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading token responses the way providers really send them, with the catalog's knowledge of each. */
class TokenResponseTest {

    private static final Catalog CATALOG = Catalog.load();

    @Test
    void anAnswerWithoutExpiresInExpiresAfterTheCatalogsFallback() {
        OAuthClient salesforce = client("salesforce", Map.of("clientId", "c"));

        TokenResponse response = TokenResponse.of(200, "{\"access_token\": \"a\", \"instance_url\": \"https://acme.my.salesforce.com\"}",
                salesforce);

        Duration lifetime = Duration.between(Instant.now(), response.expiresAt());
        assertTrue(lifetime.compareTo(Duration.ofMinutes(119)) > 0 && lifetime.compareTo(Duration.ofHours(2)) <= 0, lifetime.toString());
        assertEquals(Map.of("instance_url", "https://acme.my.salesforce.com"), response.metadata());
    }

    @Test
    void aCustomClientWithoutExpiresInHasNoKnownExpiry() {
        OAuthClient custom = OAuthClient.of(AuthType.OAUTH2, Map.of("clientId", "c", "tokenUrl", "https://id.example.com/token",
                "authorizationUrl", "https://id.example.com/authorize", "scopes", List.of("read")), Optional.empty());

        TokenResponse response = TokenResponse.of(200, "{\"access_token\": \"a\", \"refresh_token\": \"r\"}", custom);

        assertNull(response.expiresAt());
        assertEquals(List.of("read"), response.grantedScopes(), "no scope in the answer: those requested");
        assertEquals(Map.of("accessToken", "a", "refreshToken", "r"), response.secretFields());
    }

    @Test
    void anErrorKeepsTheProvidersWordsAndWhenToRetry() {
        TokenResponse refused = TokenResponse.of(429, "{\"error\": \"slow_down\"}", Optional.of("30"),
                client("salesforce", Map.of("clientId", "c")));

        assertFalse(refused.ok());
        assertEquals("slow_down", refused.error());
        assertEquals(Optional.of(Duration.ofSeconds(30)), refused.retryAfter());
        assertFalse(refused.toString().contains("access"), refused.toString());
    }

    @Test
    void aTokenResponseNeverPrintsItsTokens() {
        TokenResponse response = TokenResponse.of(200, "{\"access_token\": \"secret-access\", \"refresh_token\": \"secret-refresh\","
                + " \"expires_in\": 60}", client("salesforce", Map.of("clientId", "c")));

        assertFalse(response.toString().contains("secret-"), response.toString());
    }

    private static OAuthClient client(String provider, Map<String, Object> config) {
        return OAuthClient.of(AuthType.OAUTH2, config, CATALOG.find(provider).flatMap(entry -> entry.option(AuthType.OAUTH2)));
    }
}
