package dev.latchkey.connectedapps.rest;

/** What a provider's OAuth2 error (RFC 6749 §4.1.2.1, §5.2) means for the user, in words they can act on. */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static String explain(String error, String description) {
        String advice = switch (error) {
            case "access_denied" -> "You (or an administrator) declined the access. Start again and allow it to connect.";
            case "invalid_scope" -> "The auth config asks for scopes the provider does not offer to this app; edit its scopes.";
            case "invalid_grant" -> "The authorization code was refused: it expired, was used, or the redirect URI does not"
                    + " match the one registered with the provider.";
            case "invalid_client", "unauthorized_client" -> "The provider refused the app's client id or secret; check the auth config.";
            case "redirect_uri_mismatch" -> "The redirect URI is not the one registered with the provider; register the"
                    + " auth config's redirect URI there.";
            default -> "The provider answered '" + error + "'.";
        };
        return description == null || description.isBlank() ? advice : advice + " (" + description + ")";
    }
}
