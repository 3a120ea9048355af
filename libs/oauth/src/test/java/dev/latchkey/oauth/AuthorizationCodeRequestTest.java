package dev.latchkey.oauth;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an auth config's client sends and expects in the authorization-code grant: PKCE and the issuer. */
class AuthorizationCodeRequestTest {

    private static final Catalog CATALOG = Catalog.load();

    @Test
    void aProviderThatDoesNotRequirePkceGetsItAnywayWithTheVerifierInTheExchange() {
        OAuthClient auth0 = client("auth0", Map.of("clientId", "c", "domain", "acme.eu.auth0.com"));

        TokenRequest exchange = TokenRequest.authorizationCode(auth0, "s", "the-code", "https://latchkey.example/oauth/callback",
                "the-verifier");

        assertTrue(auth0.pkce());
        assertTrue(exchange.body().contains("code_verifier=the-verifier"), exchange.body());
    }

    @Test
    void aProviderWhoseDocumentationRulesPkceOutGetsNeitherChallengeNorVerifier() {
        OAuthClient slack = client("slack", Map.of("clientId", "c"));

        TokenRequest exchange = TokenRequest.authorizationCode(slack, "s", "the-code", "https://latchkey.example/oauth/callback", null);

        assertFalse(slack.pkce());
        assertFalse(exchange.body().contains("code_verifier"), exchange.body());
    }

    @Test
    void theIssuerIsTheCatalogsRenderedWithTheAuthConfigsParameters() {
        OAuthClient keycloak = client("keycloak", Map.of("clientId", "c", "serverHost", "id.acme.example", "realm", "staff"));

        assertEquals("https://id.acme.example/realms/staff", keycloak.issuer());
    }

    private static OAuthClient client(String provider, Map<String, Object> config) {
        return OAuthClient.of(AuthType.OAUTH2, config, CATALOG.find(provider).flatMap(entry -> entry.option(AuthType.OAUTH2)));
    }
}
