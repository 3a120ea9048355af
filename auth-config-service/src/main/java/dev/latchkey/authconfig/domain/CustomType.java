package dev.latchkey.authconfig.domain;

import dev.latchkey.catalog.auth.AuthType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The schemes of a custom auth config, by the names the API uses, and the catalog auth type each one is. */
public enum CustomType {
    NO_AUTH("no_auth", AuthType.NO_AUTH, "No authentication"),
    OAUTH2("oauth2", AuthType.OAUTH2, "OAuth2, authorization code"),
    OAUTH2_CLIENT_CREDENTIALS("oauth2_client_credentials", AuthType.OAUTH2_CLIENT_CREDENTIALS, "OAuth2, client credentials"),
    OAUTH2_JWT_BEARER("oauth2_jwt_bearer", AuthType.OAUTH2_JWT_BEARER, "OAuth2, JWT bearer (a service account's key, RFC 7523)"),
    API_KEY("api_key", AuthType.API_KEY, "API key (header, query or cookie)"),
    BEARER_TOKEN("bearer_token", AuthType.BEARER, "Bearer token"),
    BASIC("basic", AuthType.BASIC, "Basic (user name and password)"),
    DIGEST("digest", AuthType.DIGEST, "Digest (user name and password, RFC 7616)");

    private final String id;
    private final AuthType authType;
    private final String label;

    CustomType(String id, AuthType authType, String label) {
        this.id = id;
        this.authType = authType;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** How people call it: the type picker's words. */
    public String label() {
        return label;
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
