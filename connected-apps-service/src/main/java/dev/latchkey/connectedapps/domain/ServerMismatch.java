package dev.latchkey.connectedapps.domain;

/**
 * An authorization response that does not belong to the authorization server its state was made for: the code is
 * never sent anywhere (a mix-up attack would have it sent to the wrong token endpoint, RFC 9700 §4.4).
 */
public enum ServerMismatch {
    ISSUER("issuer_mismatch", "The answer came from another authorization server than the one this sign-in went to,"
            + " so its code was not used. Start connecting again."),
    TOKEN_URL("token_url_changed", "The auth config's token URL changed after this sign-in started, so its code was not"
            + " used. Start connecting again.");

    private final String error;
    private final String explanation;

    ServerMismatch(String error, String explanation) {
        this.error = error;
        this.explanation = explanation;
    }

    /** The error code recorded with the failed authorization and given to a connect session's return URL. */
    public String error() {
        return error;
    }

    /** What the user reads; names no server, so nothing an attacker chose is shown. */
    public String explanation() {
        return explanation;
    }
}
