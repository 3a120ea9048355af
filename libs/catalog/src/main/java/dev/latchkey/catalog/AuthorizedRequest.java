package dev.latchkey.catalog;

import dev.latchkey.catalog.auth.ApiKey;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.Bearer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every request to an entry's API carries, rendered for one connection: the base URL, the API's own headers and
 * query parameters, and the credentials where the auth option puts them (an API key in its header, query parameter or
 * cookie after its prefix; a bearer token in its header after its prefix; an OAuth2 access token; Basic). An entry
 * whose templates name the credential itself puts it where its provider wants it (Shopify's
 * {@code X-Shopify-Access-Token}), and nothing is added; a test request's own headers are the test's to add. Digest
 * answers a challenge ({@link dev.latchkey.catalog.digest.DigestChallenge}), so it is not placed here.
 *
 * @param baseUrl without a trailing slash
 * @param secrets the connection's credentials as they travel: each credential value, and each header or query value
 *                that carries one (a Basic header's encoded pair), to blank out of what a provider says back
 */
public record AuthorizedRequest(String baseUrl, Map<String, String> headers, Map<String, String> query, Set<String> secrets) {

    public AuthorizedRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        secrets = Set.copyOf(secrets);
    }

    /**
     * @param values the connection's template values ({@link TemplateValues})
     * @throws TemplateException when a template names a value the connection lacks
     */
    public static AuthorizedRequest of(ApiClient api, AuthOption option, Map<String, String> values) {
        Set<String> declared = option.variables();
        Map<String, String> headers = new LinkedHashMap<>();
        api.headers().forEach((name, value) -> headers.put(name, Template.parse(value, declared).render(values)));
        Map<String, String> query = new LinkedHashMap<>();
        api.query().forEach((name, value) -> query.put(name, Template.parse(value, declared).render(values)));
        if (!placesCredentialItself(api, option)) {
            placeCredential(option, values, headers, query);
        }
        String baseUrl = Template.parse(api.baseUrl(), declared).render(values).replaceAll("/+$", "");
        return new AuthorizedRequest(baseUrl, headers, query, secrets(values, headers, query));
    }

    /** Every credential value (a Basic user name is none), and every header or query value that holds one. */
    private static Set<String> secrets(Map<String, String> values, Map<String, String> headers, Map<String, String> query) {
        Set<String> credentials = values.entrySet().stream().filter(value -> value.getKey().startsWith("credentials.")
                        && !value.getKey().equals("credentials.username"))
                .map(Map.Entry::getValue).filter(value -> !value.isEmpty()).collect(Collectors.toSet());
        Set<String> secrets = new HashSet<>(credentials);
        Stream.concat(headers.values().stream(), query.values().stream())
                .filter(value -> value.startsWith("Basic ") || credentials.stream().anyMatch(value::contains))
                .forEach(secrets::add);
        return secrets;
    }

    /** Whether the base URL, the API's headers or its query parameters name one of the scheme's credentials. */
    private static boolean placesCredentialItself(ApiClient api, AuthOption option) {
        Stream<String> templates = Stream.of(Stream.of(api.baseUrl()), api.headers().values().stream(), api.query().values().stream())
                .flatMap(each -> each);
        return templates.anyMatch(template -> option.type().credentials().stream().anyMatch(field -> template.contains("credentials." + field)));
    }

    private static void placeCredential(AuthOption option, Map<String, String> values, Map<String, String> headers,
            Map<String, String> query) {
        if (option instanceof ApiKey key) {
            String value = key.prefix() + values.get("credentials.apiKey");
            switch (key.in()) {
                case HEADER -> headers.put(key.name(), value);
                case QUERY -> query.put(key.name(), value);
                case COOKIE -> headers.put("Cookie", key.name() + "=" + value);
            }
        } else if (option instanceof Bearer bearer) {
            headers.put(bearer.headerName(), bearer.prefix() + values.get("credentials.token"));
        } else if (option.type().tokenBased()) {
            headers.put("Authorization", "Bearer " + values.get("credentials.accessToken"));
        } else if (option.type() == AuthType.BASIC) {
            String pair = values.getOrDefault("credentials.username", "") + ":" + values.getOrDefault("credentials.password", "");
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
