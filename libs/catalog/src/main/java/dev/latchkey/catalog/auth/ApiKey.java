package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A key sent with every request: in a header, a query parameter or a cookie, after an optional prefix
 * ({@code Authorization: Token token=<key>}).
 */
public record ApiKey(String label, String helpUrl, ConnectionParameters connectionParameters, String name,
                     Placement in, String prefix) implements AuthOption {

    public enum Placement {
        @JsonProperty("header") HEADER,
        @JsonProperty("query") QUERY,
        @JsonProperty("cookie") COOKIE
    }

    public ApiKey {
        connectionParameters = AuthOption.orNone(connectionParameters);
        prefix = prefix == null ? "" : prefix;
    }

    @Override
    public AuthType type() {
        return AuthType.API_KEY;
    }
}
