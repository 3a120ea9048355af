package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
public enum TokenRequestAuth {
    /** HTTP Basic with the client id and secret. */
    @JsonProperty("client_secret_basic") CLIENT_SECRET_BASIC,
    /** {@code client_id} and {@code client_secret} as form fields. */
    @JsonProperty("client_secret_post") CLIENT_SECRET_POST;

    /** Puts the client's id and secret into a token request the way this method says. */
    public void authenticate(String clientId, String clientSecret, Map<String, String> form, Map<String, String> headers) {
        if (this == CLIENT_SECRET_POST) {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        } else {
            String pair = FormUrlEncoding.encode(clientId) + ":" + FormUrlEncoding.encode(clientSecret);
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
