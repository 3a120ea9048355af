package dev.latchkey.catalog.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OAuth 2.0 client credentials (RFC 6749 §4.4): a machine's own token, fetched again when it expires. */
public record OAuth2ClientCredentials(String label, String helpUrl, ConnectionParameters connectionParameters,
                                      String tokenUrl, Map<String, String> scopes, List<String> defaultScopes,
                                      String scopeSeparator, TokenRequestAuth tokenRequestAuth,
                                      Map<String, String> tokenParams, Optional<Duration> fallbackExpiresIn)
        implements AuthOption {

    public OAuth2ClientCredentials {
        connectionParameters = AuthOption.orNone(connectionParameters);
        scopes = scopes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scopes)); // documented order
        defaultScopes = defaultScopes == null ? List.of() : List.copyOf(defaultScopes);
        scopeSeparator = scopeSeparator == null ? " " : scopeSeparator;
        tokenParams = tokenParams == null ? Map.of() : Map.copyOf(tokenParams);
        fallbackExpiresIn = fallbackExpiresIn == null ? Optional.empty() : fallbackExpiresIn;
    }

    @Override
    public AuthType type() {
        return AuthType.OAUTH2_CLIENT_CREDENTIALS;
    }
}
