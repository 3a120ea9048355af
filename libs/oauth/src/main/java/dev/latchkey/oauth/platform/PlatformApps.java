package dev.latchkey.oauth.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's OAuth2 apps, by catalog key, read once from the file {@code latchkey.platform-apps.file} names (a
 * Kubernetes Secret mounted as a file, in a cluster). Each is checked against the catalog when read: an entry that offers
 * OAuth2 (authorization code; a shared client-credentials or service-account client would share one account among
 * tenants), a client id and secret, and a value for each of the entry's required connection parameters, no others.
 *
 * <pre>{"github": {"clientId": "Iv1.8a61f9b3a7aba766", "clientSecret": "..."},
 *  "keycloak": {"clientId": "apps", "clientSecret": "...", "parameters": {"serverHost": "sso.example.com", "realm": "apps"}}}</pre>
 */
public final class PlatformApps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PlatformApp> apps;

    private PlatformApps(Map<String, PlatformApp> apps) {
        this.apps = Map.copyOf(apps);
    }

    public static PlatformApps none() {
        return new PlatformApps(Map.of());
    }

    /**
     * The apps {@code file} declares.
     *
     * @throws IllegalStateException naming the file and every app that is wrong, and why (never a secret)
     */
    public static PlatformApps read(Path file, Catalog catalog) {
        JsonNode declared;
        try {
            declared = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the text where it failed, which may be a secret: only where is said.
            throw new IllegalStateException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform apps file " + file, e);
        }
        if (declared == null || !declared.isObject()) {
            throw new IllegalStateException(file + ": the platform apps file is a JSON object of catalog keys");
        }
        Map<String, PlatformApp> apps = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Iterator<String> keys = declared.fieldNames(); keys.hasNext(); ) {
            String provider = keys.next();
            List<String> wrong = check(provider, declared.get(provider), catalog);
            if (wrong.isEmpty()) {
                apps.put(provider, app(provider, declared.get(provider)));
            }
            wrong.forEach(message -> errors.add(provider + ": " + message));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(file + ": " + String.join("; ", errors));
        }
        return new PlatformApps(apps);
    }

    public Optional<PlatformApp> find(String provider) {
        return Optional.ofNullable(provider).map(apps::get);
    }

    private static List<String> check(String provider, JsonNode app, Catalog catalog) {
        Optional<AuthOption> option = catalog.find(provider).flatMap(entry -> entry.option(AuthType.OAUTH2));
        if (option.isEmpty()) {
            return List.of(catalog.find(provider).isEmpty() ? "not a catalog key" : "the entry offers no OAuth2 authorization code");
        }
        List<String> errors = new ArrayList<>();
        for (String field : List.of("clientId", "clientSecret")) {
            if (!app.path(field).isTextual() || app.path(field).asText().isBlank()) {
                errors.add(field + " is required");
            }
        }
        var parameters = option.get().connectionParameters();
        JsonNode pinned = app.path("parameters");
        pinned.fieldNames().forEachRemaining(name -> {
            if (!parameters.names().contains(name) || parameters.isSecret(name)) {
                errors.add("'" + name + "' is not a connection parameter of the entry");
            } else if (!pinned.get(name).isTextual()) {
                errors.add("parameters." + name + " must be a string");
            }
        });
        parameters.required().stream().filter(name -> !pinned.has(name))
                .forEach(name -> errors.add("parameters." + name + " is required: it says where the client is registered"));
        return errors;
    }

    private static PlatformApp app(String provider, JsonNode app) {
        Map<String, String> parameters = new HashMap<>();
        app.path("parameters").fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue().asText()));
        return new PlatformApp(provider, app.get("clientId").asText(), app.get("clientSecret").asText(), parameters);
    }
}
