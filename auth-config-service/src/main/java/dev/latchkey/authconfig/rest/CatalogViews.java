package dev.latchkey.authconfig.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.catalog.Category;

import java.util.List;
import java.util.Map;

/** What the catalog endpoints answer. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /** An entry in a gallery list. */
    public record Summary(String key, String name, Category category, String description, List<String> authTypes,
                          String docsUrl) {
    }

    /**
     * One way to authenticate, with the form an auth config of it fills in.
     *
     * @param config      the JSON Schema of the plain fields
     * @param secrets     the JSON Schema of the secret fields (write-only)
     * @param platformApp whether it uses the operator's OAuth2 app ({@code config.platformApp: true}): no client of the
     *                    tenant's own to register
     */
    public record Option(String type, String label, String helpUrl, Map<String, String> scopes, List<String> defaultScopes,
                         JsonNode connectionParameters, JsonNode config, JsonNode secrets, boolean platformApp) {
    }

    /**
     * An entry in full.
     *
     * @param redirectUri the redirect URI to register with the provider, for entries that offer OAuth2
     */
    public record Detail(String key, String name, Category category, String description, String docsUrl,
                         List<Option> authOptions, String redirectUri) {
    }

    /**
     * The custom schemes, each an option whose {@code type} is the custom type an auth config names.
     *
     * @param redirectUri the redirect URI to register for a custom OAuth2 server
     */
    public record Custom(List<Option> authOptions, String redirectUri) {
    }

    /** A catalog action as a toolkit's editor lists it; its schemas and request are the gateway's business. */
    public record ActionSummary(String name, String title, String description, boolean readOnly, boolean destructive) {
    }
}
