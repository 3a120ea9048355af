package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One input of a page's form, from a {@link CredentialForm}'s JSON Schemas: a text, textarea, password, number, checkbox,
 * choice, a set of choices, or a fixed value ({@code const}: shown, never changed). Secret fields are password inputs and are never filled back in. The connect page and the
 * console draw their forms from these.
 *
 * @param section {@code config} or {@code secrets}: where the API takes the field
 * @param values  what the field holds now (several for a set of choices); empty for secrets
 */
public record FormField(String section, String name, String title, String description, String input, boolean required,
                        List<String> options, List<String> values) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The form's fields, plain ones first; {@code submitted} fills back the plain values a user typed or saved. */
    public static List<FormField> of(CredentialForm form, JsonNode submitted) {
        List<FormField> fields = new ArrayList<>();
        add(fields, "config", form.config(), submitted);
        add(fields, "secrets", form.secrets(), JSON.objectNode());
        return fields;
    }

    /** What a single input shows: the value, or a free list's items separated by spaces. */
    public String value() {
        return String.join(" ", values);
    }

    /** Where a problem's field error names it: {@code config.name}, {@code secrets.apiKey}. */
    public String path() {
        return section + "." + name;
    }

    public boolean secret() {
        return section.equals("secrets");
    }

    /**
     * A submitted form's values as the JSON {@code schema} expects: numbers and booleans typed, a set of choices as an
     * array, blanks left out (a secret left blank is not changed).
     */
    public static ObjectNode values(ObjectNode schema, Map<String, List<String>> submitted) {
        ObjectNode values = JSON.objectNode();
        schema.path("properties").fields().forEachRemaining(entry -> {
            List<String> typed = submitted.getOrDefault(entry.getKey(), List.of());
            typed(values, entry.getKey(), entry.getValue(), typed);
        });
        return values;
    }

    private static void typed(ObjectNode values, String name, JsonNode property, List<String> submitted) {
        if (property.has("const")) {
            values.set(name, property.get("const"));
            return;
        }
        String type = property.path("type").asText("string");
        if (type.equals("boolean")) {
            values.put(name, !submitted.isEmpty());
            return;
        }
        List<String> given = submitted.stream().filter(value -> value != null && !value.isBlank()).toList();
        if (given.isEmpty()) {
            return;
        }
        String value = given.get(0);
        if (type.equals("integer") && value.strip().matches("-?\\d{1,18}")) {
            values.put(name, Long.parseLong(value.strip()));
        } else if (type.equals("array")) {
            // A set of choices sends one value per box ticked; a free list is one text of items separated by spaces or commas.
            ArrayNode array = values.putArray(name);
            given.stream().flatMap(item -> Arrays.stream(item.strip().split("[\\s,]+"))).filter(item -> !item.isEmpty())
                    .forEach(array::add);
        } else {
            values.put(name, value);
        }
    }

    private static void add(List<FormField> fields, String section, ObjectNode schema, JsonNode submitted) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(entry -> {
            JsonNode property = entry.getValue();
            List<String> options = new ArrayList<>();
            property.path("enum").forEach(option -> options.add(option.asText()));
            property.path("items").path("enum").forEach(option -> options.add(option.asText()));
            fields.add(new FormField(section, entry.getKey(), property.path("title").asText(entry.getKey()),
                    property.path("description").asText(""), input(section, property, options), required.contains(entry.getKey()),
                    options, section.equals("secrets") ? List.of() : values(property, submitted.path(entry.getKey()))));
        });
    }

    private static String input(String section, JsonNode property, List<String> options) {
        String type = property.path("type").asText("string");
        if (section.equals("secrets")) {
            return "password";
        }
        if (property.has("const")) {
            return "fixed";
        }
        if (type.equals("array")) {
            return options.isEmpty() ? "text" : "choices";
        }
        if (!options.isEmpty()) {
            return "select";
        }
        return switch (type) {
            case "integer", "number" -> "number";
            case "boolean" -> "checkbox";
            default -> CredentialForm.MULTI_LINE.equals(property.path("format").asText()) ? "textarea" : "text";
        };
    }

    private static List<String> values(JsonNode property, JsonNode typed) {
        JsonNode value = property.has("const") ? property.get("const")
                : typed.isMissingNode() || typed.isNull() ? property.path("default") : typed;
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(item.asText()));
        } else {
            values.add(value.asText());
        }
        return values;
    }
}
