package dev.latchkey.connectedapps.domain;

import java.util.UUID;

/**
 * An OAuth2 authorization request under way, known by its state: whose it is, the PKCE verifier and redirect URI
 * the code exchange needs, and where the user goes afterwards (a connect session's return URL; null: a page).
 */
public record AuthorizationRequest(String tenant, UUID connectionId, String actor, String verifier, String redirectUri,
                                   String returnUrl) {
}
