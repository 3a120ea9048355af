package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Comparator;
import java.util.List;

/**
 * Checks a request's {@code config} or {@code secrets} against its form's JSON Schema. The messages name the
 * field and the rule, never the value: a secret typed into the wrong field must not come back in an error.
 */
public final class FormValidator {

    /** A field that breaks its form's rule: {@code secrets.apiKey} "is required". */
    public record FieldProblem(String field, String message) {
    }

    /** JSON Schema 2020-12 and the one keyword of Latchkey's forms, {@code destination}: it marks a field, it checks nothing. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("destination")).build()));

    private FormValidator() {
    }

    /** @param part {@code config} or {@code secrets}, the prefix of every field name */
    public static List<FieldProblem> errors(String part, ObjectNode schema, JsonNode value) {
        return SCHEMAS.getSchema(schema).validate(value).stream()
                .map(message -> new FieldProblem(field(part, message), rule(message)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static String field(String part, ValidationMessage message) {
        String location = message.getInstanceLocation().toString().replaceFirst("^\\$", "");
        String property = switch (message.getType()) {
            case "required", "additionalProperties" -> "." + message.getProperty();
            default -> "";
        };
        return part + location + property;
    }

    private static String rule(ValidationMessage message) {
        return switch (message.getType()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field of this form";
            case "type" -> "has the wrong type";
            case "enum" -> "is not one of the allowed values";
            case "pattern", "format" -> "is not in the expected format";
            case "maxLength", "maxItems" -> "is too long";
            case "minimum", "maximum" -> "is out of range";
            case "uniqueItems" -> "repeats a value";
            default -> "is not valid (" + message.getType() + ")";
        };
    }
}
