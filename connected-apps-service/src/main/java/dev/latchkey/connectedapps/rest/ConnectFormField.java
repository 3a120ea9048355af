package dev.latchkey.connectedapps.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.form.CredentialForm;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * One input of the connect page, from the auth config's form (JSON Schema): a text, password, number, checkbox
 * or choice. Secret fields are password inputs and are never filled back in.
 */
@TemplateData
public record ConnectFormField(String name, String title, String description, String input, boolean required,
                               List<String> options, String value) {

    /** The form's fields, plain ones first; {@code submitted} fills back the plain values a user typed. */
    static List<ConnectFormField> of(CredentialForm form, ObjectNode submitted) {
        List<ConnectFormField> fields = new ArrayList<>();
        add(fields, form.config(), false, submitted);
        add(fields, form.secrets(), true, JsonNodeFactory.instance.objectNode());
        return fields;
    }

    /** A submitted form's values as the JSON the form's schema expects: numbers and booleans typed, blanks left out. */
    static ObjectNode credentials(CredentialForm form, java.util.Map<String, String> submitted) {
        ObjectNode credentials = JsonNodeFactory.instance.objectNode();
        for (String name : form.configNames()) {
            typed(credentials, name, form.config().path("properties").path(name), submitted.get(name));
        }
        for (String name : form.secretNames()) {
            typed(credentials, name, form.secrets().path("properties").path(name), submitted.get(name));
        }
        return credentials;
    }

    private static void typed(ObjectNode credentials, String name, JsonNode property, String value) {
        String type = property.path("type").asText("string");
        if (type.equals("boolean")) {
            credentials.put(name, value != null);
            return;
        }
        if (value == null || value.isBlank()) {
            return;
        }
        if (type.equals("integer") && value.strip().matches("-?\\d{1,18}")) {
            credentials.put(name, Long.parseLong(value.strip()));
        } else if (type.equals("array")) {
            credentials.set(name, JsonNodeFactory.instance.arrayNode().add(value.strip()));
        } else {
            credentials.put(name, value);
        }
    }

    private static void add(List<ConnectFormField> fields, ObjectNode schema, boolean secret, JsonNode submitted) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(entry -> {
            JsonNode property = entry.getValue();
            List<String> options = new ArrayList<>();
            property.path("enum").forEach(option -> options.add(option.asText()));
            String type = property.path("type").asText("string");
            String input = secret ? "password" : !options.isEmpty() ? "select" : switch (type) {
                case "integer", "number" -> "number";
                case "boolean" -> "checkbox";
                default -> "text";
            };
            JsonNode typed = submitted.path(entry.getKey());
            String value = typed.isMissingNode() ? property.path("default").asText("") : typed.asText();
            fields.add(new ConnectFormField(entry.getKey(), property.path("title").asText(entry.getKey()),
                    property.path("description").asText(""), input, required.contains(entry.getKey()), options, value));
        });
    }
}
