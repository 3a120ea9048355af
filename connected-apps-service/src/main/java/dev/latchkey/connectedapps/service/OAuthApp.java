package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.catalog.Template;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.TokenRequestAuth;
import dev.latchkey.connectedapps.domain.KnownAuthConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OAuth2 client as one auth config defines it: the provider's endpoints (the catalog's templates rendered with
 * the auth config's parameters, or a custom auth config's own URLs), the client id, scopes and how the client
 * authenticates. The client secret is not here: it stays in the secret store until the token request.
 */
record OAuthApp(String authorizationUrl, String tokenUrl, String clientId, List<String> scopes, String scopeSeparator,
                boolean pkce, TokenRequestAuth tokenRequestAuth, Map<String, String> authorizationParams,
                Map<String, String> tokenParams, List<String> tokenResponseMetadata, Optional<Duration> fallbackExpiresIn) {

    static OAuthApp of(KnownAuthConfig authConfig, Optional<AuthOption> option) {
        String clientId = String.valueOf(authConfig.config.get("clientId"));
        List<String> scopes = scopes(authConfig.config.get("scopes"));
        if (option.orElse(null) instanceof OAuth2 oauth) {
            Map<String, String> values = values(oauth, authConfig.config);
            Map<String, String> authorizationParams = new HashMap<>();
            oauth.authorizationParams().forEach((name, value) -> authorizationParams.put(name, render(value, oauth, values)));
            Map<String, String> tokenParams = new HashMap<>();
            oauth.tokenParams().forEach((name, value) -> tokenParams.put(name, render(value, oauth, values)));
            return new OAuthApp(render(oauth.authorizationUrl(), oauth, values), render(oauth.tokenUrl(), oauth, values),
                    clientId, scopes.isEmpty() ? oauth.defaultScopes() : scopes, oauth.scopeSeparator(), oauth.pkce(),
                    oauth.tokenRequestAuth(), authorizationParams, tokenParams, oauth.tokenResponseMetadata(),
                    oauth.refresh().fallbackExpiresIn());
        }
        Object requestAuth = authConfig.config.getOrDefault("tokenRequestAuth", "client_secret_basic");
        // A custom server gets PKCE too: servers that do not know it ignore its parameters (RFC 7636 §5).
        return new OAuthApp(String.valueOf(authConfig.config.get("authorizationUrl")), String.valueOf(authConfig.config.get("tokenUrl")),
                clientId, scopes, " ", true, "client_secret_post".equals(requestAuth)
                        ? TokenRequestAuth.CLIENT_SECRET_POST : TokenRequestAuth.CLIENT_SECRET_BASIC,
                Map.of(), Map.of(), List.of(), Optional.empty());
    }

    private static List<String> scopes(Object scopes) {
        return scopes instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** {@code config.<parameter>}: the auth config's value, else the parameter's default. */
    private static Map<String, String> values(AuthOption option, Map<String, Object> config) {
        Map<String, String> values = new HashMap<>();
        for (String name : option.connectionParameters().names()) {
            JsonNode fallback = option.connectionParameters().parameter(name).get("default");
            Object value = config.get(name);
            if (value != null) {
                values.put("config." + name, value.toString());
            } else if (fallback != null) {
                values.put("config." + name, fallback.asText());
            }
        }
        return values;
    }

    private static String render(String template, AuthOption option, Map<String, String> values) {
        return Template.parse(template, option.variables()).render(values);
    }
}
