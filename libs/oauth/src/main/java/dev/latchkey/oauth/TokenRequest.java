package dev.latchkey.oauth;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.FormUrlEncoding;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a provider's token or revocation endpoint, ready to send: the URL, the headers (with the client's
 * authentication where its method puts it) and the form body. Holds secrets: never log it.
 */
public record TokenRequest(URI url, Map<String, String> headers, String body) {

    /** RFC 6749 §4.1.3, with the PKCE verifier (RFC 7636 §4.5) unless the flow sent no challenge (null). */
    public static TokenRequest authorizationCode(OAuthClient client, String clientSecret, String code, String redirectUri,
            String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        form.putAll(client.tokenParams());
        return of(client.tokenUrl(), client, clientSecret, form);
    }

    /** RFC 6749 §4.4.2. */
    private static TokenRequest clientCredentials(OAuthClient client, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!client.scopes().isEmpty()) {
            form.put("scope", client.scope());
        }
        form.putAll(client.tokenParams());
        return of(client.tokenUrl(), client, clientSecret, form);
    }

    /**
     * A token the client gets without a user: client credentials with its secret (RFC 6749 §4.4), or a JWT bearer grant
     * signed with its private key (RFC 7523 §2.1: the assertion is the grant, the client sends no secret).
     */
    public static TokenRequest withoutUser(OAuthClient client, String secret) {
        if (client.grant() != AuthType.OAUTH2_JWT_BEARER) {
            return clientCredentials(client, secret);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JwtBearer.GRANT_TYPE);
        form.put("assertion", client.jwtBearer().orElseThrow().assertion(client, secret, Instant.now()));
        form.putAll(client.tokenParams());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        return new TokenRequest(URI.create(client.tokenUrl()), headers, FormUrlEncoding.encode(form));
    }

    /** RFC 6749 §6: no scope, so the grant keeps the scopes it has. */
    public static TokenRequest refresh(OAuthClient client, String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return of(client.refreshUrl(), client, clientSecret, form);
    }

    /** RFC 7009 §2.1; only for a client whose {@link OAuthClient#revocationUrl()} is known. */
    public static TokenRequest revocation(OAuthClient client, String clientSecret, String token, String tokenTypeHint) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", tokenTypeHint);
        return of(client.revocationUrl(), client, clientSecret, form);
    }

    private static TokenRequest of(String url, OAuthClient client, String clientSecret, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        client.tokenRequestAuth().authenticate(client.clientId(), clientSecret, form, headers);
        return new TokenRequest(URI.create(url), headers, FormUrlEncoding.encode(form));
    }

    @Override
    public String toString() {
        return "TokenRequest[" + url + "]";
    }
}
