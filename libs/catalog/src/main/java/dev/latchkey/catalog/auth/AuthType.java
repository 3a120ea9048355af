package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The authentication schemes an entry can offer, and the credential fields each one brings. */
public enum AuthType {
    OAUTH2(List.of("accessToken")),
    OAUTH2_CLIENT_CREDENTIALS(List.of("accessToken")),
    /** RFC 7523 §2.1: a JWT signed with the client's private key is the grant (service accounts). */
    OAUTH2_JWT_BEARER(List.of("accessToken")),
    API_KEY(List.of("apiKey")),
    BEARER(List.of("token")),
    BASIC(List.of("username", "password")),
    DIGEST(List.of("username", "password")),
    NO_AUTH(List.of()),
    NATIVE(List.of());

    private final List<String> credentials;

    AuthType(List<String> credentials) {
        this.credentials = credentials;
    }

    /** The credential fields the scheme itself holds; templates name them {@code credentials.<field>}. */
    public List<String> credentials() {
        return credentials;
    }

    /** Whether a connection of this type holds tokens an OAuth2 provider issued (and Latchkey refreshes). */
    public boolean tokenBased() {
        return this == OAUTH2 || withoutUser();
    }

    /** Whether its tokens come from the client alone, no user's authorization: fetched anew whenever they expire. */
    public boolean withoutUser() {
        return this == OAUTH2_CLIENT_CREDENTIALS || this == OAUTH2_JWT_BEARER;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code id} ({@code oauth2}, {@code api_key}, ...). */
    public static AuthType of(String id) {
        return Arrays.stream(values()).filter(type -> type.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no auth type '" + id + "'"));
    }
}
