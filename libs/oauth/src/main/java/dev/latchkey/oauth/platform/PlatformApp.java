package dev.latchkey.oauth.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The operator's own OAuth2 client for one catalog entry, which tenants may use instead of registering theirs.
 *
 * @param provider     the catalog key
 * @param clientId     public: it is in every authorization URL
 * @param clientSecret never shown to a tenant, never in an event or a log line
 * @param parameters   the entry's connection parameters, pinned by the operator: where the client is registered (a
 *                     Keycloak's host and realm), so a tenant can never send the client's secret anywhere else
 */
public record PlatformApp(String provider, String clientId, String clientSecret, Map<String, String> parameters) {

    /** An auth config's {@code config} field that says it uses the platform's app. */
    public static final String FIELD = "platformApp";

    public PlatformApp {
        parameters = Map.copyOf(parameters);
    }

    /** Whether an auth config's {@code config} says it uses the platform's app. */
    public static boolean chosenIn(Map<String, ?> config) {
        return Boolean.TRUE.equals(config.get(FIELD));
    }

    /**
     * What an OAuth2 client of an auth config that uses this app is made from: the auth config's own settings (its
     * scopes), with this app's client id and pinned parameters over them.
     */
    public Map<String, Object> clientConfig(Map<String, Object> authConfig) {
        Map<String, Object> config = new HashMap<>(authConfig);
        config.putAll(parameters);
        config.put("clientId", clientId);
        return config;
    }

    @Override
    public String toString() {
        return "PlatformApp[" + provider + ", " + clientId + "]";
    }
}
