package dev.latchkey.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWT bearer grant's request (RFC 7523 §2.1): the form, and an assertion its key's public half verifies. */
class JwtBearerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalog CATALOG = Catalog.load();

    @Test
    void theAssertionIsSignedWithTheKeyAndCarriesTheClaimsTheProviderChecks() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        OAuthClient client = OAuthClient.of(AuthType.OAUTH2_JWT_BEARER, Map.of("tokenUrl", "https://oauth2.example.com/token",
                "clientId", "robot@project.iam.example.com", "subject", "alice@example.com",
                "scopes", List.of("https://www.example.com/auth/drive.readonly")), Optional.empty());

        TokenRequest request = TokenRequest.withoutUser(client, pem(key));

        assertEquals("https://oauth2.example.com/token", request.url().toString());
        assertFalse(request.headers().containsKey("Authorization"), "the assertion is the credential: no client secret");
        Map<String, String> form = form(request.body());
        assertEquals(JwtBearer.GRANT_TYPE, form.get("grant_type"));
        String[] parts = form.get("assertion").split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signed by the client's key");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("robot@project.iam.example.com", claims.path("iss").asText());
        assertEquals("alice@example.com", claims.path("sub").asText());
        assertEquals("https://oauth2.example.com/token", claims.path("aud").asText(), "the token URL when no audience is given");
        assertEquals("https://www.example.com/auth/drive.readonly", claims.path("scope").asText());
        assertEquals(180, claims.path("exp").asLong() - claims.path("iat").asLong(), "short-lived, as Salesforce requires");
        assertEquals("RS256", JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asText());
    }

    /** The catalog's options: Salesforce's audience is its login host, not the token URL; Google's is its token URL. */
    @Test
    void theCatalogsServiceAccountOptionsSetTheAudienceTheirProvidersDocument() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        OAuthClient salesforce = OAuthClient.of(AuthType.OAUTH2_JWT_BEARER, Map.of("loginHost", "acme--dev.sandbox.my.salesforce.com",
                "audienceHost", "test.salesforce.com", "clientId", "3MVG9-consumer-key", "subject", "integration@acme.example"),
                CATALOG.find("salesforce").orElseThrow().option(AuthType.OAUTH2_JWT_BEARER));
        JsonNode claims = claims(TokenRequest.withoutUser(salesforce, pem(key)));
        assertEquals("https://acme--dev.sandbox.my.salesforce.com/services/oauth2/token", salesforce.tokenUrl());
        assertEquals("https://test.salesforce.com", claims.path("aud").asText());
        assertEquals("integration@acme.example", claims.path("sub").asText());
        assertFalse(claims.has("scope"), "Salesforce grants the scopes the connected app was approved for");
        assertEquals(List.of("instance_url"), salesforce.tokenResponseMetadata());

        OAuthClient google = OAuthClient.of(AuthType.OAUTH2_JWT_BEARER, Map.of("clientId", "robot@project.iam.gserviceaccount.com",
                "scopes", List.of("https://www.googleapis.com/auth/drive.readonly")),
                CATALOG.find("google").orElseThrow().option(AuthType.OAUTH2_JWT_BEARER));
        JsonNode googleClaims = claims(TokenRequest.withoutUser(google, pem(key)));
        assertEquals("https://oauth2.googleapis.com/token", googleClaims.path("aud").asText());
        assertEquals("https://www.googleapis.com/auth/drive.readonly", googleClaims.path("scope").asText());
        assertFalse(googleClaims.has("sub"), "the account itself, without domain-wide delegation");
    }

    @Test
    void aKeyThatIsNoPkcs8RsaKeyIsRefusedWithoutBeingQuoted() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> JwtBearer.privateKey("-----BEGIN PRIVATE KEY-----\nnot-a-key-5e1d\n-----END PRIVATE KEY-----"));
        assertFalse(refused.getMessage().contains("not-a-key-5e1d"), refused.getMessage());
    }

    private static JsonNode claims(TokenRequest request) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(form(request.body()).get("assertion").split("\\.")[1]));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8), URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }
}
