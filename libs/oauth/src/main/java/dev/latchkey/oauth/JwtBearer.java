package dev.latchkey.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JWT bearer grant (RFC 7523 §2.1) of a client: the assertion it signs with its private key (RS256), its issuer
 * being the client id (a Google service account's email, a Salesforce connected app's consumer key).
 *
 * @param subject  the {@code sub} claim: whom the token acts for (a Salesforce user, a Google Workspace user the
 *                 service account may impersonate); null: the client itself
 * @param audience the {@code aud} claim: the token URL unless the provider names another (Salesforce: its login URL)
 */
public record JwtBearer(String subject, String audience) {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Short-lived: Salesforce accepts at most three minutes, Google one hour. */
    static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A signed assertion for {@code client}, issued at {@code now}; {@code privateKeyPem} is PKCS #8 ("BEGIN PRIVATE KEY"). */
    String assertion(OAuthClient client, String privateKeyPem, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", client.clientId());
        if (subject != null) {
            claims.put("sub", subject);
        }
        claims.put("aud", audience != null ? audience : client.tokenUrl());
        if (!client.scopes().isEmpty()) {
            claims.put("scope", client.scope());
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey(privateKeyPem));
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key cannot sign: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The RSA private key of a PKCS #8 PEM, whitespace anywhere (a form's one-line input keeps none of its line breaks);
     * anything else is an {@link IllegalArgumentException} that never quotes the key.
     */
    public static PrivateKey privateKey(String pem) {
        String body = pem == null ? "" : pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("is not an RSA private key in PKCS #8 PEM (-----BEGIN PRIVATE KEY-----)");
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
