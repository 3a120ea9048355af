package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What an auth config or a connection of one kind holds, as two JSON Schemas: {@code config} (plain fields, shown back) and
 * {@code secrets} (write-only fields, kept in the secret store). Both refuse fields they do not name. A plain field
 * marked {@code destination: true} decides where the secrets go: the secrets are bound to its value.
 */
public record CredentialForm(ObjectNode config, ObjectNode secrets) {

    /** Longest value of any field: enough for a PEM certificate or a service-account key. */
    public static final int MAX_LENGTH = 16_384;

    /**
     * A field whose {@code format} is this holds several lines (a PEM certificate or key, a JSON key file): CR and LF are
     * allowed in it. Every other text field is one line: no control character at all ({@link FormValidator}).
     */
    public static final String MULTI_LINE = "textarea";

    /** Latin-1 only: an HTTP header carries nothing else (RFC 9110 §5.5), and HTTP clients refuse to send it. */
    static final String HEADER_TEXT = "^[\\u0000-\\u00FF]*$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static CredentialForm empty() {
        return new CredentialForm(schema(), schema());
    }

    private static ObjectNode schema() {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        schema.set("properties", JSON.objectNode());
        schema.set("required", JSON.arrayNode());
        return schema;
    }

    public CredentialForm withConfig(String name, ObjectNode property, boolean required) {
        return new CredentialForm(add(config, name, property, required), secrets);
    }

    public CredentialForm withSecret(String name, ObjectNode property, boolean required) {
        property.put("writeOnly", true);
        if (!property.has("format")) {
            property.put("format", "password");
        }
        return new CredentialForm(config, add(secrets, name, property, required));
    }

    /** The names of the secret fields. */
    public List<String> secretNames() {
        return fieldNames(secrets);
    }

    public List<String> configNames() {
        return fieldNames(config);
    }

    /** The plain fields that decide where the secrets are sent (marked {@code destination: true}). */
    public List<String> destinationNames() {
        return configNames().stream().filter(name -> config.path("properties").path(name).path("destination").asBoolean(false)).toList();
    }

    public static ObjectNode text(String title) {
        return JSON.objectNode().put("type", "string").put("title", title).put("maxLength", MAX_LENGTH);
    }

    /** A secret sent as it is in an HTTP header value: an API key, a bearer token. */
    public static ObjectNode headerText(String title) {
        return text(title).put("pattern", HEADER_TEXT);
    }

    public static ObjectNode choice(String title, Collection<String> values, String fallback) {
        ObjectNode property = JSON.objectNode().put("type", "string").put("title", title);
        ArrayNode allowed = property.putArray("enum");
        values.forEach(allowed::add);
        if (fallback != null) {
            property.put("default", fallback);
        }
        return property;
    }

    public static ObjectNode list(String title, Collection<String> allowed) {
        ObjectNode property = JSON.objectNode().put("type", "array").put("title", title).put("uniqueItems", true)
                .put("maxItems", 100);
        ObjectNode items = property.putObject("items").put("type", "string").put("maxLength", 512);
        if (!allowed.isEmpty()) {
            ArrayNode values = items.putArray("enum");
            allowed.forEach(values::add);
        }
        return property;
    }

    private static ObjectNode add(ObjectNode schema, String name, JsonNode property, boolean required) {
        ObjectNode copy = schema.deepCopy();
        ((ObjectNode) copy.get("properties")).set(name, property);
        if (required) {
            ((ArrayNode) copy.get("required")).add(name);
        }
        return copy;
    }

    private static List<String> fieldNames(ObjectNode schema) {
        var names = new ArrayList<String>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }
}
