package dev.latchkey.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.FormField;
import dev.latchkey.console.client.AuthConfigsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of an auth config of one provider (or custom scheme) and type, read from the catalog's JSON Schemas, and a
 * submitted form turned back into the API's {@code config} and {@code secrets}.
 */
@ApplicationScoped
public class AuthConfigForms {

    /** The provider key of custom auth configs: their forms come from {@code GET /api/v1/catalog/custom}. */
    public static final String CUSTOM = "custom";

    /** The suffix of the kind that uses the operator's OAuth2 app ({@code oauth2-platform}). */
    private static final String PLATFORM_APP = "-platform";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthConfigsApi api;

    public AuthConfigForms(@RestClient AuthConfigsApi api) {
        this.api = api;
    }

    /**
     * One way to authenticate: its form, its scopes (name to description) and the redirect URI to register.
     *
     * @param entry       the catalog entry (name, category, docs), or null for a custom scheme
     * @param platformApp whether it uses the operator's OAuth2 app: nothing to register, no client to enter
     */
    public record Kind(String provider, String type, String label, Map<String, Object> entry, CredentialForm form,
                       Map<String, String> scopes, List<String> defaultScopes, String redirectUri, String helpUrl,
                       boolean platformApp) {

        /** What names the kind among its provider's: its type, told apart from OAuth2 with the platform's app. */
        public String id() {
            return platformApp ? type + PLATFORM_APP : type;
        }

        /** The auth config's category: custom, a native connector of the catalog, or an app of the catalog. */
        public String category() {
            if (entry == null) {
                return CUSTOM;
            }
            return type.equals(AuthType.NATIVE.id()) ? "native_connector" : "oauth2_provider";
        }

        public String providerName() {
            return entry == null ? "Custom" : String.valueOf(entry.get("name"));
        }

        /** Whether users authorize at the provider with the tenant's own client: the form shows the redirect URI to register. */
        public boolean oauth() {
            return redirectUri != null && type.equals("oauth2") && !platformApp;
        }

        /** What a new auth config's form starts with: the scopes the catalog suggests, ticked. */
        public ObjectNode initialValues() {
            ObjectNode values = JSON.createObjectNode();
            if (!defaultScopes.isEmpty()) {
                defaultScopes.forEach(values.putArray("scopes")::add);
            }
            return values;
        }

        public List<FormField> fields(JsonNode values) {
            return FormField.of(form, values == null ? JSON.createObjectNode() : values);
        }

        /**
         * What the API takes of a submitted form to make (or test) an auth config of this kind: its category, provider
         * and type, and the form's {@code config} and {@code secrets} parts, blanks left out.
         */
        public Map<String, Object> settings(Map<String, List<String>> configPart, Map<String, List<String>> secretsPart) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("category", category());
            settings.put("provider", entry == null ? null : provider);
            settings.put("type", type);
            settings.put("config", config(configPart));
            settings.put("secrets", secrets(secretsPart));
            return settings;
        }

        /** The API's body fields of a submitted form: {@code config} and {@code secrets}, blanks left out. */
        public ObjectNode config(Map<String, List<String>> submitted) {
            return FormField.values(form.config(), submitted);
        }

        public ObjectNode secrets(Map<String, List<String>> submitted) {
            return FormField.values(form.secrets(), submitted);
        }
    }

    /** The kinds a provider offers, in the catalog's order; the first is its default. */
    @SuppressWarnings("unchecked")
    public List<Kind> kinds(String provider) {
        Map<String, Object> entry = provider.equals(CUSTOM) ? null : api.entry(provider);
        Map<String, Object> source = entry != null ? entry : api.customSchemes();
        List<Map<String, Object>> options = (List<Map<String, Object>>) source.get("authOptions");
        return options.stream().map(option -> new Kind(provider, (String) option.get("type"), (String) option.get("label"),
                entry, new CredentialForm(object(option.get("config")), object(option.get("secrets"))),
                option.get("scopes") == null ? Map.of() : (Map<String, String>) option.get("scopes"),
                option.get("defaultScopes") == null ? List.of() : (List<String>) option.get("defaultScopes"),
                (String) source.get("redirectUri"), (String) option.get("helpUrl"), Boolean.TRUE.equals(option.get("platformApp"))))
                .toList();
    }

    /** The kind named by its {@link Kind#id()}, or the provider's first when none is; an unknown one is a 404. */
    public Kind kind(String provider, String id) {
        List<Kind> kinds = kinds(provider);
        if (id == null || id.isBlank()) {
            return kinds.get(0);
        }
        return kinds.stream().filter(kind -> kind.id().equals(id)).findFirst().orElseThrow(NotFoundException::new);
    }

    /** The kind an existing auth config (as the API shows it) is of. */
    @SuppressWarnings("unchecked")
    public Kind of(Map<String, Object> authConfig) {
        String category = String.valueOf(authConfig.get("category"));
        Map<String, Object> config = (Map<String, Object>) authConfig.getOrDefault("config", Map.of());
        String type = (String) authConfig.get("type");
        return kind(category.equals(CUSTOM) ? CUSTOM : (String) authConfig.get("provider"),
                Boolean.TRUE.equals(config.get("platformApp")) ? type + PLATFORM_APP : type);
    }

    private static ObjectNode object(Object schema) {
        return JSON.valueToTree(schema == null ? Map.of() : schema);
    }
}
