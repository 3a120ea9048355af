package dev.latchkey.gateway.service;

import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.auth.ApiKey;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Basic;
import dev.latchkey.catalog.auth.Bearer;
import dev.latchkey.catalog.auth.NoAuth;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;

import java.util.Locale;
import java.util.Map;

/**
 * The API of a custom auth config, which no catalog entry describes: the {@code baseUrl} it names (a destination
 * field: moving it needs the secrets again), and its scheme as its settings say: an API key's {@code name}, {@code in}
 * and {@code prefix}, a bearer token's {@code headerName} and {@code prefix}, Basic, an OAuth2 access token, or
 * nothing. Of an OAuth2 option only the type matters here: the token goes in {@code Authorization: Bearer}.
 */
final class CustomSchemes {

    private CustomSchemes() {
    }

    /** The API client and auth option of a custom auth config; a 409 when it names no API. */
    static ConnectionApis.Scheme of(KnownAuthConfig authConfig) {
        Map<String, Object> settings = authConfig.config;
        if (!(settings.get("baseUrl") instanceof String baseUrl) || baseUrl.isBlank()) {
            throw CallRefusedException.notCallable("The connection's custom auth config names no API to call: give it a"
                    + " baseUrl (an edit that needs its secrets again), or read the connection's credentials instead.");
        }
        return new ConnectionApis.Scheme(new ApiClient(baseUrl, Map.of(), Map.of(), null), option(authConfig.authType, settings));
    }

    private static AuthOption option(String authType, Map<String, Object> settings) {
        return switch (AuthType.of(authType)) {
            case API_KEY -> new ApiKey(null, null, null, text(settings, "name"),
                    ApiKey.Placement.valueOf(text(settings, "in").toUpperCase(Locale.ROOT)), text(settings, "prefix"));
            case BEARER -> new Bearer(null, null, null, text(settings, "headerName"), text(settings, "prefix"));
            case BASIC -> new Basic(null, null, null, null, null);
            case OAUTH2 -> new OAuth2(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
            case OAUTH2_CLIENT_CREDENTIALS -> new OAuth2ClientCredentials(null, null, null, null, null, null, null, null, null,
                    null);
            case NO_AUTH -> new NoAuth(null, null, null);
            case DIGEST, NATIVE -> throw new IllegalStateException("no custom auth config is " + authType);
        };
    }

    private static String text(Map<String, Object> settings, String name) {
        Object value = settings.get(name);
        return value == null ? null : value.toString();
    }
}
