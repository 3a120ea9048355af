package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
public enum TokenRequestAuth {
    /** HTTP Basic with the client id and secret. */
    @JsonProperty("client_secret_basic") CLIENT_SECRET_BASIC,
    /** {@code client_id} and {@code client_secret} as form fields. */
    @JsonProperty("client_secret_post") CLIENT_SECRET_POST
}
