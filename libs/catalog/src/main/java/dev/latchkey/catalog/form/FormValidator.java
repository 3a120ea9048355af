package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Checks a request's {@code config} or {@code secrets} against its form's JSON Schema, and every text in it for
 * control characters (C0, DEL, C1), which no field may hold but line breaks in a {@link CredentialForm#MULTI_LINE}
 * one: a key ending in a newline breaks the header it is sent in, and NUL cannot be stored. The messages name the
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
        Stream<FieldProblem> broken = SCHEMAS.getSchema(schema).validate(value).stream()
                .map(message -> new FieldProblem(field(part, message), rule(message)));
        return Stream.concat(broken, controlCharacters(part, schema, value))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static Stream<FieldProblem> controlCharacters(String part, ObjectNode schema, JsonNode value) {
        List<FieldProblem> problems = new ArrayList<>();
        value.fields().forEachRemaining(field -> {
            boolean multiLine = schema.path("properties").path(field.getKey()).path("format").asText().equals(CredentialForm.MULTI_LINE);
            controlCharacter(field.getValue(), multiLine).ifPresent(found -> problems.add(new FieldProblem(part + "." + field.getKey(),
                    "must not contain control characters (C0, DEL, C1)" + (multiLine ? " other than line breaks" : "")
                            + "; found U+%04X".formatted(found))));
        });
        return problems.stream();
    }

    /** The first control character of a text, or of any text inside a list; line breaks pass in a multi-line text. */
    private static OptionalInt controlCharacter(JsonNode node, boolean multiLine) {
        if (node.isTextual()) {
            return node.textValue().codePoints().filter(c -> Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r')))
                    .findFirst();
        }
        return StreamSupport.stream(node.spliterator(), false).map(child -> controlCharacter(child, false))
                .filter(OptionalInt::isPresent).findFirst().orElse(OptionalInt.empty());
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
            case "pattern" -> Arrays.asList(message.getArguments()).contains(CredentialForm.HEADER_TEXT)
                    ? "must be Latin-1 text (U+0000 to U+00FF): it is sent in an HTTP header" : "is not in the expected format";
            case "format" -> "is not in the expected format";
            case "maxLength", "maxItems" -> "is too long";
            case "minimum", "maximum" -> "is out of range";
            case "uniqueItems" -> "repeats a value";
            default -> "is not valid (" + message.getType() + ")";
        };
    }
}
