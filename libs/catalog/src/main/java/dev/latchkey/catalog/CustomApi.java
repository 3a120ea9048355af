package dev.latchkey.catalog;

import dev.latchkey.catalog.auth.ApiKey;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Basic;
import dev.latchkey.catalog.auth.Bearer;
import dev.latchkey.catalog.auth.Digest;
import dev.latchkey.catalog.auth.NoAuth;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API of a custom auth config, which no catalog entry describes, as its settings name it: the {@code baseUrl}, the
 * scheme its credentials are placed with (an API key's {@code name}, {@code in} and {@code prefix}, a bearer token's
 * {@code headerName} and {@code prefix}, Basic, an OAuth2 access token, or nothing), and the test request it may
 * declare: {@code testPath} under the base URL, {@code testMethod} and the {@code testStatus} that passes.
 */
public final class CustomApi {

    private CustomApi() {
    }

    /** The API the settings name, with their test request if they declare one; empty without a {@code baseUrl}. */
    public static Optional<ApiClient> of(Map<String, Object> settings) {
        String baseUrl = text(settings, "baseUrl");
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ApiClient(baseUrl, Map.of(), Map.of(), test(settings).orElse(null)));
    }

    /** The API the settings name with the test request they declare; empty when they declare none. */
    public static Optional<ApiClient> testable(Map<String, Object> settings) {
        return of(settings).filter(api -> api.test() != null);
    }

    /** How a custom scheme's credentials are placed; of an OAuth2 option only the type matters (a bearer token). */
    public static AuthOption option(String authType, Map<String, Object> settings) {
        return switch (AuthType.of(authType)) {
            case API_KEY -> new ApiKey(null, null, null, text(settings, "name"),
                    ApiKey.Placement.valueOf(text(settings, "in").toUpperCase(Locale.ROOT)), text(settings, "prefix"));
            case BEARER -> new Bearer(null, null, null, text(settings, "headerName"), text(settings, "prefix"));
            case BASIC -> new Basic(null, null, null, null, null);
            case DIGEST -> new Digest(null, null, null, null, null);
            case OAUTH2 -> new OAuth2(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
            case OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT_BEARER -> new OAuth2ClientCredentials(null, null, null, null, null, null, null, null, null,
                    null);
            case NO_AUTH -> new NoAuth(null, null, null);
            case NATIVE -> throw new IllegalStateException("no custom auth config is " + authType);
        };
    }

    private static Optional<ConnectionTest> test(Map<String, Object> settings) {
        String path = text(settings, "testPath");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String method = Optional.ofNullable(text(settings, "testMethod")).orElse("GET");
        int status = settings.get("testStatus") instanceof Number number ? number.intValue() : 200;
        return Optional.of(new ConnectionTest(method, path, Map.of(), null, new ConnectionTest.Expect(List.of(status), Map.of())));
    }

    private static String text(Map<String, Object> settings, String name) {
        Object value = settings.get(name);
        return value == null ? null : value.toString();
    }
}
