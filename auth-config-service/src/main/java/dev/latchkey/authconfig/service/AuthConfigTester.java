package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.config.AuthConfigsConfig;
import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.CustomApi;
import dev.latchkey.catalog.Template;
import dev.latchkey.catalog.TemplateValues;
import dev.latchkey.catalog.TemplateException;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Native;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;
import dev.latchkey.catalog.auth.OAuth2JwtBearer;
import dev.latchkey.catalog.auth.TokenRequestAuth;
import dev.latchkey.oauth.OAuthClient;
import dev.latchkey.oauth.platform.PlatformApp;
import dev.latchkey.probes.ApiRequestProbe;
import dev.latchkey.probes.FailureCategory;
import dev.latchkey.probes.ProbeResult;
import dev.latchkey.probes.Probes;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves an auth config works, as far as it can without a user: a native connector's probe; an OAuth2 client's
 * token request; a key, token or password against the entry's test request. Says plainly what it could not check.
 */
@ApplicationScoped
public class AuthConfigTester {

    private final Catalog catalog;
    private final Probes probes;
    private final OAuthClientCheck oauth;
    private final ApiRequestProbe api;
    private final Duration timeout;

    public AuthConfigTester(Catalog catalog, Probes probes, OAuthClientCheck oauth, ApiRequestProbe api, AuthConfigsConfig config) {
        this.catalog = catalog;
        this.probes = probes;
        this.oauth = oauth;
        this.api = api;
        this.timeout = config.testTimeout();
    }

    public Uni<ProbeResult> test(AuthConfig config, AuthConfigKind kind, Map<String, String> secrets) {
        try {
            if (kind.platformApp().isPresent()) {
                return platformAppTest(kind.platformApp().get(), (OAuth2) kind.option().orElseThrow(), config.config);
            }
            return kind.option().map(option -> catalogTest(config, option, secrets)).orElseGet(() -> customTest(config, secrets));
        } catch (TemplateException e) {
            return Uni.createFrom().item(ProbeResult.failure(FailureCategory.CONFIG, e.getMessage(), Duration.ZERO));
        }
    }

    private Uni<ProbeResult> catalogTest(AuthConfig config, AuthOption option, Map<String, String> secrets) {
        Map<String, String> values = TemplateValues.of(option, config.config, secrets);
        if (option instanceof Native connector) {
            Map<String, Object> parameters = new HashMap<>(config.config);
            parameters.putAll(secrets);
            return Uni.createFrom().item(() -> probes.test(connector.driver(), parameters, timeout))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        if (option instanceof OAuth2 authorizationCode) {
            return clientCheck(config.config, secrets.get("clientSecret"), render(authorizationCode.tokenUrl(), option, values),
                    authorizationCode.tokenRequestAuth(), authorizationCode.scopeSeparator());
        }
        if (option instanceof OAuth2ClientCredentials client) {
            return clientCheck(config.config, secrets.get("clientSecret"), render(client.tokenUrl(), option, values), client.tokenRequestAuth(),
                    client.scopeSeparator());
        }
        if (option instanceof OAuth2JwtBearer) {
            return oauth.checkJwtBearer(OAuthClient.of(AuthType.OAUTH2_JWT_BEARER, config.config, Optional.of(option)),
                    secrets.get("privateKey"), timeout);
        }
        boolean credentialsSet = option.type().credentials().stream().allMatch(field -> values.containsKey("credentials." + field));
        var entry = catalog.find(config.provider).orElseThrow();
        if (entry.api().isEmpty() || !credentialsSet) {
            return Uni.createFrom().item(ProbeResult.untested("nothing to test yet: each connection brings its own credentials,"
                    + " and is tested when it is made"));
        }
        return api.check(entry.api().get(), option, values, timeout);
    }

    /**
     * A custom OAuth2 client asks its token URL (a JWT bearer one with an assertion signed by its key); a custom key, token or password scheme sends the test request it
     * declares ({@link CustomApi}: a path under its base URL) with its credentials, behind the SSRF guard.
     */
    private Uni<ProbeResult> customTest(AuthConfig config, Map<String, String> secrets) {
        if (AuthType.of(config.authType) == AuthType.OAUTH2_JWT_BEARER) {
            return oauth.checkJwtBearer(OAuthClient.of(AuthType.OAUTH2_JWT_BEARER, config.config, Optional.empty()),
                    secrets.get("privateKey"), timeout);
        }
        if (config.config.get("tokenUrl") == null) {
            Optional<ApiClient> declared = CustomApi.testable(config.config);
            if (declared.isEmpty()) {
                return Uni.createFrom().item(ProbeResult.untested("a custom " + config.authType + " scheme declares no test"
                        + " request (a testPath under its baseUrl); it is tested when a connection calls its API"));
            }
            AuthOption option = CustomApi.option(config.authType, config.config);
            return api.check(declared.get(), option, TemplateValues.of(option, config.config, secrets), timeout);
        }
        Object requestAuth = config.config.getOrDefault("tokenRequestAuth", "client_secret_basic");
        return clientCheck(config.config, secrets.get("clientSecret"), config.config.get("tokenUrl").toString(),
                requestAuth.equals("client_secret_post") ? TokenRequestAuth.CLIENT_SECRET_POST : TokenRequestAuth.CLIENT_SECRET_BASIC, " ");
    }

    /** The operator's client, asked at the token URL its pinned parameters name, as a tenant's own client would be. */
    private Uni<ProbeResult> platformAppTest(PlatformApp app, OAuth2 option, Map<String, Object> config) {
        Map<String, Object> clientConfig = app.clientConfig(config);
        String tokenUrl = render(option.tokenUrl(), option, TemplateValues.of(option, clientConfig, Map.of()));
        return clientCheck(clientConfig, app.clientSecret(), tokenUrl, option.tokenRequestAuth(), option.scopeSeparator());
    }

    private Uni<ProbeResult> clientCheck(Map<String, Object> config, String clientSecret, String tokenUrl,
            TokenRequestAuth requestAuth, String scopeSeparator) {
        @SuppressWarnings("unchecked")
        List<String> scopes = (List<String>) config.getOrDefault("scopes", List.of());
        return oauth.check(tokenUrl, config.get("clientId").toString(), clientSecret, requestAuth, scopes, scopeSeparator, timeout);
    }

    private static String render(String template, AuthOption option, Map<String, String> values) {
        return Template.parse(template, option.variables()).render(values);
    }
}
