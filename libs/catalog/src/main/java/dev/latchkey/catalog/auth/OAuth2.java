package dev.latchkey.catalog.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 authorization code (RFC 6749 §4.1), with PKCE unless the provider documents that it breaks the flow.
 * URLs are templates over the connection parameters
 * ({@code https://login.microsoftonline.com/{{config.tenant}}/oauth2/v2.0/token}).
 *
 * @param issuer                the provider's issuer identifier (RFC 8414), compared with the {@code iss} of its
 *                              authorization responses (RFC 9207)
 * @param pkceDocsUrl           the provider's page that says why {@link Pkce#NEVER}; only then
 * @param scopes                the provider's documented scopes, each with a one-line description
 * @param tokenResponseMetadata token-response fields kept with the connection (not secret), such as
 *                              Salesforce's {@code instance_url}; templates name them {@code config.<field>}
 */
public record OAuth2(String label, String helpUrl, ConnectionParameters connectionParameters,
                     String authorizationUrl, String tokenUrl, String revocationUrl, String issuer,
                     Map<String, String> scopes, List<String> defaultScopes, String scopeSeparator, Pkce pkce,
                     String pkceDocsUrl, TokenRequestAuth tokenRequestAuth, Map<String, String> authorizationParams,
                     Map<String, String> tokenParams, List<String> tokenResponseMetadata, Refresh refresh)
        implements AuthOption {

    public OAuth2 {
        connectionParameters = AuthOption.orNone(connectionParameters);
        scopes = scopes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scopes)); // documented order
        defaultScopes = defaultScopes == null ? List.of() : List.copyOf(defaultScopes);
        scopeSeparator = scopeSeparator == null ? " " : scopeSeparator;
        authorizationParams = authorizationParams == null ? Map.of() : Map.copyOf(authorizationParams);
        tokenParams = tokenParams == null ? Map.of() : Map.copyOf(tokenParams);
        tokenResponseMetadata = tokenResponseMetadata == null ? List.of() : List.copyOf(tokenResponseMetadata);
    }

    @Override
    public AuthType type() {
        return AuthType.OAUTH2;
    }
}
