package dev.latchkey.authconfig.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an auth config's settings come from. */
public enum AuthConfigCategory {
    /** An app of the catalog (OAuth2, or the key, token or password scheme its entry offers). */
    @JsonProperty("oauth2_provider") OAUTH2_PROVIDER,
    /** A native connector of the catalog: a database, a broker, a file store. */
    @JsonProperty("native_connector") NATIVE_CONNECTOR,
    /** No catalog entry: the user describes the scheme. */
    @JsonProperty("custom") CUSTOM
}
