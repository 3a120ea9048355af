package dev.latchkey.authconfig.domain;

import dev.latchkey.catalog.auth.AuthType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The schemes of a custom auth config, by the names the API uses, and the catalog auth type each one is. */
public enum CustomType {
    NO_AUTH("no_auth", AuthType.NO_AUTH),
    OAUTH2("oauth2", AuthType.OAUTH2),
    OAUTH2_CLIENT_CREDENTIALS("oauth2_client_credentials", AuthType.OAUTH2_CLIENT_CREDENTIALS),
    API_KEY("api_key", AuthType.API_KEY),
    BEARER_TOKEN("bearer_token", AuthType.BEARER),
    BASIC("basic", AuthType.BASIC);

    private final String id;
    private final AuthType authType;

    CustomType(String id, AuthType authType) {
        this.id = id;
        this.authType = authType;
    }

    public String id() {
        return id;
    }

    public AuthType authType() {
        return authType;
    }

    public static Optional<CustomType> of(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }

    /** The custom type whose auth type a row records. */
    public static CustomType ofAuthType(String authTypeId) {
        return Arrays.stream(values()).filter(type -> type.authType.id().equals(authTypeId)).findFirst().orElseThrow();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(CustomType::id).toList();
    }
}
