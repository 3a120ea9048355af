package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a provider says about PKCE (RFC 7636). Latchkey sends S256 to every provider unless its documentation says a
 * code challenge changes or breaks the flow: PKCE also stops authorization-code injection for confidential clients
 * (RFC 9700 §4.5), and a server ignores request parameters it does not know (RFC 6749 §3.1).
 */
public enum Pkce {
    /** The provider refuses an authorization request without a code challenge. */
    @JsonProperty("required") REQUIRED,
    /** Documented as optional, or not documented: sent anyway. */
    @JsonProperty("optional") OPTIONAL,
    /** The provider's documentation (the entry's {@code pkceDocsUrl}) says a code challenge changes the app or the flow. */
    @JsonProperty("never") NEVER;

    public boolean sent() {
        return this != NEVER;
    }
}
