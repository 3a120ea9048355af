package dev.latchkey.catalog.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JWT bearer grant (RFC 7523 §2.1): a service account's or connected app's token, got with an assertion it signs
 * with its private key, and got again when it expires.
 *
 * @param audience the assertion's {@code aud} when the provider names another than the token URL (a template)
 */
public record OAuth2JwtBearer(String label, String helpUrl, ConnectionParameters connectionParameters, String tokenUrl,
                              String audience, Map<String, String> scopes, List<String> defaultScopes, String scopeSeparator,
                              List<String> tokenResponseMetadata, Optional<Duration> fallbackExpiresIn) implements AuthOption {

    public OAuth2JwtBearer {
        connectionParameters = AuthOption.orNone(connectionParameters);
        scopes = scopes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scopes)); // documented order
        defaultScopes = defaultScopes == null ? List.of() : List.copyOf(defaultScopes);
        scopeSeparator = scopeSeparator == null ? " " : scopeSeparator;
        tokenResponseMetadata = tokenResponseMetadata == null ? List.of() : List.copyOf(tokenResponseMetadata);
        fallbackExpiresIn = fallbackExpiresIn == null ? Optional.empty() : fallbackExpiresIn;
    }

    @Override
    public AuthType type() {
        return AuthType.OAUTH2_JWT_BEARER;
    }
}
