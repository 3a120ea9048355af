package dev.latchkey.connectedapps.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * An OAuth2 authorization request under way, known by its state: whose it is, the PKCE verifier (null when the
 * provider rules PKCE out) and redirect URI the code exchange needs, where the user goes afterwards (a connect
 * session's return URL; null: a page), the authorization server it went to: its issuer (null when the auth
 * config names none) and the token URL its code may be sent to, and the SHA-256 of the secret in the cookie of the
 * browser that started it on a connect page (null: started through the API, bound to no browser).
 */
public record AuthorizationRequest(String tenant, UUID connectionId, String actor, String verifier, String redirectUri,
                                   String returnUrl, String issuer, String tokenUrl, String browserHash) {

    /**
     * Whether an answer arriving with {@code browserHashNow} (the hash of the cookie it came with, null without one)
     * may complete this request: one a connect page started only in the browser that started it (RFC 9700 §4.7).
     */
    public boolean sameBrowser(String browserHashNow) {
        return browserHash == null || browserHash.equals(browserHashNow);
    }

    /**
     * Why an answer must not complete this request (RFC 9700 §4.4, §4.5): it names another issuer ({@code iss},
     * RFC 9207, null when the provider sent none), or the auth config's token URL is no longer the one the request
     * was made for. Empty when the code may be exchanged.
     */
    public Optional<ServerMismatch> mismatch(String iss, String tokenUrlNow) {
        if (iss != null && issuer != null && !issuer.equals(iss)) {
            return Optional.of(ServerMismatch.ISSUER);
        }
        return tokenUrl.equals(tokenUrlNow) ? Optional.empty() : Optional.of(ServerMismatch.TOKEN_URL);
    }
}
