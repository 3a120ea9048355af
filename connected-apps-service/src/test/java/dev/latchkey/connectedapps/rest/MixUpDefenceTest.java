package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One callback serves every tenant and provider, so an answer's code only goes to the token endpoint of the server its
 * state was made for (RFC 9700 §4.4, RFC 9207), and every flow carries PKCE (§4.5). The provider's token endpoint is
 * a real loopback server that records what reaches it.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class MixUpDefenceTest extends ConnectionTestBase {

    private static final Pattern CHALLENGE = Pattern.compile("[?&]code_challenge=([^&]+)");

    private ScriptedTokenEndpoint tokenEndpoint;
    private UUID authConfig;

    @BeforeEach
    void providerWithAnIssuer() {
        tokenEndpoint = ScriptedTokenEndpoint.start();
        authConfig = authConfigs.create(tenant, null, "oauth2", config(tokenEndpoint.tokenUrl()), Map.of("clientSecret", "s3cret"));
    }

    @AfterEach
    void stop() {
        tokenEndpoint.close();
    }

    @Test
    void anAnswerNamingAnotherIssuerIsRefusedAndItsCodeIsSentNowhere() {
        var pending = startConnecting(authConfig);
        String answer = authorizeAtProvider(pending.authorizationUrl()).getRawQuery();

        given().urlEncodingEnabled(false).get("/oauth/callback?" + answer + "&iss=" + encoded("https://attacker.example")).then()
                .statusCode(400).body(containsString("another authorization server")).body(not(containsString("attacker")));

        assertEquals(List.of(), tokenEndpoint.requests());
        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("PENDING"));
        given().urlEncodingEnabled(false).get("/oauth/callback?" + answer + "&iss=" + encoded(provider())).then()
                .statusCode(400).body(containsString("cannot be used"));
        assertEquals(List.of(), tokenEndpoint.requests());
        TopicReader.readUntil(bootstrapServers, "latchkey.connections.v1", record -> record.key().equals(pending.id())
                && record.value().contains("authorization_failed") && record.value().contains("issuer_mismatch"), Duration.ofSeconds(20));
    }

    @Test
    void anAnswerNamingItsOwnIssuerCompletesWithTheVerifierOfItsChallenge() {
        var pending = startConnecting(authConfig);
        String answer = authorizeAtProvider(pending.authorizationUrl()).getRawQuery();

        given().urlEncodingEnabled(false).get("/oauth/callback?" + answer + "&iss=" + encoded(provider())).then()
                .statusCode(200).body(containsString("is connected"));

        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("ACTIVE"));
        Map<String, String> exchange = tokenEndpoint.requests().get(0);
        assertEquals("authorization_code", exchange.get("grant_type"));
        assertEquals(challenge(pending.authorizationUrl()), s256(exchange.get("code_verifier")));
    }

    @Test
    void aCodeIsNotSentToATokenUrlTheAuthConfigGotAfterTheFlowStarted() {
        var pending = startConnecting(authConfig);
        String answer = authorizeAtProvider(pending.authorizationUrl()).getRawQuery();
        try (ScriptedTokenEndpoint elsewhere = ScriptedTokenEndpoint.start()) {
            authConfigs.update(tenant, authConfig, 1, config(elsewhere.tokenUrl()));

            given().urlEncodingEnabled(false).get("/oauth/callback?" + answer).then().statusCode(400)
                    .body(containsString("token URL changed"));

            assertEquals(List.of(), elsewhere.requests());
        }
        assertEquals(List.of(), tokenEndpoint.requests());
        as("viewer").get(CONNECTIONS + "/" + pending.id()).then().body("status", equalTo("PENDING"));
    }

    @Test
    void aCatalogProviderThatDoesNotRequirePkceStillGetsAChallenge() {
        UUID auth0 = authConfigs.create(tenant, "auth0", "oauth2", Map.of("clientId", "demo-client", "domain", "acme.eu.auth0.com"),
                Map.of("clientSecret", "s3cret"));

        String url = startConnecting(auth0).authorizationUrl();

        assertTrue(url.startsWith("https://acme.eu.auth0.com/authorize?"), url);
        assertTrue(CHALLENGE.matcher(url).find(), url);
    }

    private static Map<String, Object> config(String tokenUrl) {
        Map<String, Object> config = new HashMap<>(Map.of("authorizationUrl", provider() + "/authorize", "tokenUrl", tokenUrl,
                "clientId", "demo-client", "scopes", List.of("openid")));
        config.put("issuer", provider());
        return config;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String challenge(String authorizationUrl) {
        Matcher challenge = CHALLENGE.matcher(authorizationUrl);
        assertTrue(challenge.find(), authorizationUrl);
        return challenge.group(1);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
