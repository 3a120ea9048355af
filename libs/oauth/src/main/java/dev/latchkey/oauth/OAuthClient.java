package dev.latchkey.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.catalog.Template;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;
import dev.latchkey.catalog.auth.OAuth2JwtBearer;
import dev.latchkey.catalog.auth.TokenRequestAuth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OAuth2 client as one auth config defines it: the provider's endpoints (the catalog's templates rendered with
 * the auth config's parameters, or a custom auth config's own URLs), the client id, scopes and how the client
 * authenticates. The client secret is not here: it stays in the secret store until the token request.
 *
 * @param grant            {@link AuthType#OAUTH2} (authorization code), {@link AuthType#OAUTH2_CLIENT_CREDENTIALS} or
 *                         {@link AuthType#OAUTH2_JWT_BEARER}
 * @param authorizationUrl null for client credentials
 * @param issuer           the authorization server's issuer identifier (RFC 8414), null when unknown: what the
 *                         {@code iss} of an authorization response must be (RFC 9207)
 * @param pkce             whether authorization requests carry a PKCE S256 challenge
 * @param refreshUrl       where refresh-token grants go: the token URL unless the provider documents another
 * @param revocationUrl    RFC 7009 endpoint, null when none is known
 * @param refreshable      whether the provider issues refresh tokens to refresh with (authorization code only)
 * @param refreshMargin    how long before expiry the catalog says to refresh this provider's tokens, if it says
 * @param jwtBearer        for {@link AuthType#OAUTH2_JWT_BEARER}: the assertion's claims beyond the client id
 */
public record OAuthClient(AuthType grant, String authorizationUrl, String issuer, String tokenUrl, String refreshUrl, String revocationUrl,
                          String clientId, List<String> scopes, String scopeSeparator, boolean pkce,
                          TokenRequestAuth tokenRequestAuth, Map<String, String> authorizationParams,
                          Map<String, String> tokenParams, List<String> tokenResponseMetadata,
                          Optional<Duration> fallbackExpiresIn, boolean refreshable, Optional<Duration> refreshMargin,
                          Optional<JwtBearer> jwtBearer) {

    /**
     * The client of an auth config: {@code option} is the catalog's OAuth2 option of its provider, empty for a
     * custom auth config, whose {@code config} then holds the URLs.
     */
    public static OAuthClient of(AuthType grant, Map<String, Object> config, Optional<AuthOption> option) {
        String clientId = String.valueOf(config.get("clientId"));
        List<String> scopes = scopes(config.get("scopes"));
        if (option.orElse(null) instanceof OAuth2 oauth) {
            Map<String, String> values = values(oauth, config);
            String tokenUrl = render(oauth.tokenUrl(), oauth, values);
            return new OAuthClient(grant, render(oauth.authorizationUrl(), oauth, values),
                    oauth.issuer() == null ? null : render(oauth.issuer(), oauth, values), tokenUrl,
                    oauth.refresh().url().map(url -> render(url, oauth, values)).orElse(tokenUrl),
                    oauth.revocationUrl() == null ? null : render(oauth.revocationUrl(), oauth, values), clientId,
                    scopes.isEmpty() ? oauth.defaultScopes() : scopes, oauth.scopeSeparator(), oauth.pkce().sent(),
                    oauth.tokenRequestAuth(), rendered(oauth.authorizationParams(), oauth, values),
                    rendered(oauth.tokenParams(), oauth, values), oauth.tokenResponseMetadata(),
                    oauth.refresh().fallbackExpiresIn(), oauth.refresh().supported(), oauth.refresh().margin(), Optional.empty());
        }
        if (option.orElse(null) instanceof OAuth2ClientCredentials client) {
            Map<String, String> values = values(client, config);
            String tokenUrl = render(client.tokenUrl(), client, values);
            return new OAuthClient(grant, null, null, tokenUrl, tokenUrl, null, clientId,
                    scopes.isEmpty() ? client.defaultScopes() : scopes, client.scopeSeparator(), false,
                    client.tokenRequestAuth(), Map.of(), rendered(client.tokenParams(), client, values), List.of(),
                    client.fallbackExpiresIn(), false, Optional.empty(), Optional.empty());
        }
        if (option.orElse(null) instanceof OAuth2JwtBearer jwtBearer) {
            Map<String, String> values = values(jwtBearer, config);
            String tokenUrl = render(jwtBearer.tokenUrl(), jwtBearer, values);
            String audience = jwtBearer.audience() == null ? null : render(jwtBearer.audience(), jwtBearer, values);
            return new OAuthClient(grant, null, null, tokenUrl, tokenUrl, null, clientId,
                    scopes.isEmpty() ? jwtBearer.defaultScopes() : scopes, jwtBearer.scopeSeparator(), false,
                    TokenRequestAuth.CLIENT_SECRET_POST, Map.of(), Map.of(), jwtBearer.tokenResponseMetadata(),
                    jwtBearer.fallbackExpiresIn(), false, Optional.empty(),
                    Optional.of(new JwtBearer((String) config.get("subject"), audience)));
        }
        String tokenUrl = String.valueOf(config.get("tokenUrl"));
        TokenRequestAuth requestAuth = "client_secret_post".equals(config.get("tokenRequestAuth"))
                ? TokenRequestAuth.CLIENT_SECRET_POST : TokenRequestAuth.CLIENT_SECRET_BASIC;
        // A custom server gets PKCE too: servers that do not know it ignore its parameters (RFC 7636 §5).
        return new OAuthClient(grant, grant == AuthType.OAUTH2 ? String.valueOf(config.get("authorizationUrl")) : null,
                (String) config.get("issuer"), tokenUrl, tokenUrl, (String) config.get("revocationUrl"), clientId, scopes, " ",
                grant == AuthType.OAUTH2, requestAuth, Map.of(), Map.of(), List.of(), Optional.empty(), grant == AuthType.OAUTH2,
                Optional.empty(), grant == AuthType.OAUTH2_JWT_BEARER
                        ? Optional.of(new JwtBearer((String) config.get("subject"), (String) config.get("audience")))
                        : Optional.empty());
    }

    public String scope() {
        return String.join(scopeSeparator, scopes);
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

    private static Map<String, String> rendered(Map<String, String> templates, AuthOption option, Map<String, String> values) {
        Map<String, String> rendered = new HashMap<>();
        templates.forEach((name, value) -> rendered.put(name, render(value, option, values)));
        return rendered;
    }

    private static String render(String template, AuthOption option, Map<String, String> values) {
        return Template.parse(template, option.variables()).render(values);
    }
}
