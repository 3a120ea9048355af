package dev.latchkey.connectedapps.rest;

/**
 * What a provider's OAuth2 error (RFC 6749 §4.1.2.1, §5.2) means for the user, in words they can act on. Anyone can
 * put an error and its description in a link to the callback, so the page shows only Latchkey's own explanation of
 * a code it knows, never the provider's (or an attacker's) text.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static String explain(String error) {
        return switch (error == null ? "" : error) {
            case "access_denied" -> "You (or an administrator) declined the access. Start again and allow it to connect.";
            case "invalid_scope" -> "The auth config asks for scopes the provider does not offer to this app; edit its scopes.";
            case "invalid_grant" -> "The authorization code was refused: it expired, was used, or the redirect URI does not"
                    + " match the one registered with the provider.";
            case "invalid_client", "unauthorized_client" -> "The provider refused the app's client id or secret; check the auth config.";
            case "redirect_uri_mismatch" -> "The redirect URI is not the one registered with the provider; register the"
                    + " auth config's redirect URI there.";
            case "invalid_request" -> "The provider found the sign-in request incomplete or malformed; check the auth config's"
                    + " client id and URLs.";
            case "unsupported_response_type", "unsupported_grant_type" -> "The provider does not let this app use the"
                    + " authorization-code flow; allow it in the app's settings at the provider.";
            case "server_error", "temporarily_unavailable" -> "The provider could not handle the sign-in just now. Try again"
                    + " in a few minutes.";
            default -> "The provider did not authorize the connection. Start again; if it keeps failing, check the auth"
                    + " config and the app's settings at the provider.";
        };
    }
}
