package dev.latchkey.platform.text;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Iterator;
import java.util.Optional;

/** {@link PlainText} on JSON: every key and every string value, at any depth; keys are always single-line. */
public class PlainJsonValidator implements ConstraintValidator<PlainText, JsonNode> {

    private boolean multiLine;

    @Override
    public void initialize(PlainText constraint) {
        multiLine = constraint.multiLine();
    }

    @Override
    public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
        return value == null || refusal(value).map(refusal -> PlainTextValidator.refuse(context, refusal)).orElse(true);
    }

    private Optional<String> refusal(JsonNode node) {
        if (node.isTextual()) {
            return ControlCharacters.refusal(node.textValue(), multiLine);
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            Optional<String> refusal = ControlCharacters.refusal(keys.next(), false);
            if (refusal.isPresent()) {
                return refusal.map(rule -> "a key " + rule);
            }
        }
        for (JsonNode child : node) {
            Optional<String> refusal = refusal(child);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
