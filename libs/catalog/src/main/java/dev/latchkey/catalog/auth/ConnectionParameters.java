package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user enters for an auth option (subdomain, region, host, password, ...), as the JSON Schema the
 * entry declares. Secret fields are {@code writeOnly}; templates name them {@code credentials.<field>}, the
 * others {@code config.<field>}.
 */
public record ConnectionParameters(JsonNode schema) {

    public static final ConnectionParameters NONE = new ConnectionParameters(JsonNodeFactory.instance.objectNode()
            .put("type", "object").set("properties", JsonNodeFactory.instance.objectNode()));

    @JsonCreator
    public ConnectionParameters {
    }

    @JsonValue
    @Override
    public JsonNode schema() {
        return schema;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public JsonNode parameter(String name) {
        return schema.path("properties").path(name);
    }

    public boolean isSecret(String name) {
        return parameter(name).path("writeOnly").asBoolean(false);
    }

    /** Whether the field decides where a secret is sent (the entry marks it {@code destination: true}). */
    public boolean isDestination(String name) {
        return parameter(name).path("destination").asBoolean(false);
    }

    public List<String> required() {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** {@code config.<name>} for each plain field, {@code credentials.<name>} for each secret one. */
    public Set<String> variables() {
        Set<String> variables = new LinkedHashSet<>();
        for (String name : names()) {
            variables.add((isSecret(name) ? "credentials." : "config.") + name);
        }
        return variables;
    }
}
