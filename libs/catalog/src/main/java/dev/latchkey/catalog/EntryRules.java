package dev.latchkey.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.ConnectionParameters;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;
import dev.latchkey.catalog.auth.OAuth2JwtBearer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the JSON Schema cannot say about an entry: its key is its file name, every template uses only the
 * variables its auth option declares, OAuth endpoints are https, default scopes are documented scopes, every
 * entry but a native connector can prove a connection with an API request, and every parameter that decides
 * where a secret is sent is marked {@code destination: true}.
 */
final class EntryRules {

    /**
     * Parameter names that say where a connection goes or how it is secured. A name that matches but decides no
     * destination is still marked: a false alarm costs a re-entered secret, a miss sends one elsewhere.
     */
    private static final Pattern DESTINATION_NAME = Pattern.compile(
            "(?i).*(host|port|url|uri|endpoint|server|domain|region|account|site|instance|tls|ssl|encrypt|certificate"
                    + "|fingerprint|security|sasl|location).*");

    private static final Pattern LEADING_VARIABLE = Pattern.compile("^\\{\\{\\s*config\\.([A-Za-z][A-Za-z0-9_]*)\\s*}}");

    private final List<String> problems = new ArrayList<>();

    private EntryRules() {
    }

    /** Every rule the entry breaks, or none. */
    static List<String> check(String fileKey, CatalogEntry entry) {
        var rules = new EntryRules();
        rules.checkEntry(fileKey, entry);
        return List.copyOf(rules.problems);
    }

    private void checkEntry(String fileKey, CatalogEntry entry) {
        if (!entry.key().equals(fileKey)) {
            problems.add("key '" + entry.key() + "' is not the file name '" + fileKey + "'");
        }
        boolean nativeOnly = entry.auth().stream().allMatch(option -> option.type() == AuthType.NATIVE);
        if (nativeOnly && entry.api().isPresent()) {
            problems.add("a native connector has no api block: its driver's probe tests a connection");
        }
        if (!nativeOnly && entry.api().isEmpty()) {
            problems.add("an entry with a non-native auth option needs an api block with a test request");
        }
        for (int i = 0; i < entry.auth().size(); i++) {
            AuthOption option = entry.auth().get(i);
            String where = "auth[" + i + "] (" + option.type().id() + ")";
            checkParameters(where, option.connectionParameters());
            checkEndpoints(where, option);
            checkDestinations(where, option, entry.api());
            if (option.type() != AuthType.NATIVE) {
                entry.api().ifPresent(api -> checkApi(where, option, api));
            }
        }
    }

    private void checkParameters(String where, ConnectionParameters parameters) {
        for (String name : parameters.required()) {
            if (!parameters.names().contains(name)) {
                problems.add(where + ": required parameter '" + name + "' is not declared");
            }
        }
        for (String name : parameters.names()) {
            JsonNode parameter = parameters.parameter(name);
            if (parameter.has("enum") && parameter.has("default") && !contains(parameter.get("enum"), parameter.get("default"))) {
                problems.add(where + ": the default of '" + name + "' is not one of its values");
            }
        }
    }

    private void checkEndpoints(String where, AuthOption option) {
        Set<String> config = option.connectionParameters().variables().stream()
                .filter(variable -> variable.startsWith("config.")).collect(Collectors.toSet());
        Map<String, String> endpoints = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        if (option instanceof OAuth2 oauth) {
            endpoints.put("authorizationUrl", oauth.authorizationUrl());
            endpoints.put("tokenUrl", oauth.tokenUrl());
            endpoints.put("revocationUrl", oauth.revocationUrl());
            endpoints.put("issuer", oauth.issuer());
            endpoints.put("refresh.url", oauth.refresh().url().orElse(null));
            oauth.authorizationParams().forEach((name, value) -> params.put("authorizationParams." + name, value));
            oauth.tokenParams().forEach((name, value) -> params.put("tokenParams." + name, value));
            checkScopes(where, oauth.scopes(), oauth.defaultScopes());
        } else if (option instanceof OAuth2ClientCredentials client) {
            endpoints.put("tokenUrl", client.tokenUrl());
            client.tokenParams().forEach((name, value) -> params.put("tokenParams." + name, value));
            checkScopes(where, client.scopes(), client.defaultScopes());
        } else if (option instanceof OAuth2JwtBearer jwtBearer) {
            endpoints.put("tokenUrl", jwtBearer.tokenUrl());
            endpoints.put("audience", jwtBearer.audience());
            checkScopes(where, jwtBearer.scopes(), jwtBearer.defaultScopes());
        }
        endpoints.forEach((field, url) -> {
            if (url != null) {
                checkTemplate(where + "." + field, url, config);
                checkHttps(where + "." + field, url, option.connectionParameters());
            }
        });
        params.forEach((field, value) -> checkTemplate(where + "." + field, value, config));
    }

    /**
     * A parameter is a destination when a URL a secret goes to is built from it (OAuth endpoints, the API's base
     * URL) or when its name or format says it is an address or a transport setting.
     */
    private void checkDestinations(String where, AuthOption option, Optional<ApiClient> api) {
        ConnectionParameters parameters = option.connectionParameters();
        Set<String> inUrls = new HashSet<>();
        destinationUrls(option, api).forEach(url -> inUrls.addAll(variablesOf(url, option.variables())));
        for (String name : parameters.names()) {
            JsonNode parameter = parameters.parameter(name);
            String format = parameter.path("format").asText();
            boolean destination = inUrls.contains("config." + name) || !parameters.isSecret(name)
                    && (DESTINATION_NAME.matcher(name).matches() || format.equals("hostname") || format.equals("uri"));
            if (destination && !parameters.isDestination(name)) {
                problems.add(where + ": parameter '" + name + "' decides where secrets are sent: mark it destination: true");
            }
            if (parameters.isDestination(name) && parameters.isSecret(name)) {
                problems.add(where + ": secret parameter '" + name + "' cannot be a destination: it is always given again");
            }
        }
    }

    private static List<String> destinationUrls(AuthOption option, Optional<ApiClient> api) {
        List<String> urls = new ArrayList<>();
        if (option instanceof OAuth2 oauth) {
            urls.add(oauth.authorizationUrl());
            urls.add(oauth.tokenUrl());
            urls.add(oauth.revocationUrl());
            urls.add(oauth.issuer());
            urls.add(oauth.refresh().url().orElse(null));
        } else if (option instanceof OAuth2ClientCredentials client) {
            urls.add(client.tokenUrl());
        } else if (option instanceof OAuth2JwtBearer jwtBearer) {
            urls.add(jwtBearer.tokenUrl());
            urls.add(jwtBearer.audience());
        }
        api.ifPresent(client -> urls.add(client.baseUrl()));
        urls.removeIf(Objects::isNull);
        return urls;
    }

    private static Set<String> variablesOf(String template, Set<String> declared) {
        try {
            return Template.parse(template, declared).variables();
        } catch (TemplateException e) {
            return Set.of(); // reported by checkTemplate
        }
    }

    private void checkScopes(String where, Map<String, String> scopes, List<String> defaults) {
        defaults.stream().filter(scope -> !scopes.containsKey(scope))
                .forEach(scope -> problems.add(where + ": default scope '" + scope + "' is not among its scopes"));
    }

    private void checkApi(String where, AuthOption option, ApiClient api) {
        api.templates().forEach((field, template) -> checkTemplate(field + " with " + where, template, option.variables()));
        boolean fromTokenResponse = leadingVariable(api.baseUrl()).filter(option.tokenResponseMetadata()::contains).isPresent();
        if (!fromTokenResponse) {
            checkHttps("api.baseUrl with " + where, api.baseUrl(), option.connectionParameters());
        }
    }

    private void checkTemplate(String where, String template, Set<String> declared) {
        try {
            Template.parse(template, declared);
        } catch (TemplateException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }

    /** A URL is https by its text, or starts with a parameter that must itself be an https URL. */
    private void checkHttps(String where, String url, ConnectionParameters parameters) {
        if (url.startsWith("https://")) {
            return;
        }
        boolean httpsParameter = leadingVariable(url)
                .map(name -> parameters.parameter(name).path("pattern").asText().startsWith("^https://")).orElse(false);
        if (!httpsParameter) {
            problems.add(where + ": '" + url + "' is not an https URL");
        }
    }

    private static Optional<String> leadingVariable(String url) {
        Matcher matcher = LEADING_VARIABLE.matcher(url);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
