package dev.latchkey.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.catalog.AuthorizedRequest;

import java.util.Comparator;
import java.util.List;

/**
 * A connection's credentials as its requests carry them ({@link AuthorizedRequest#secrets()}), to blank out of what a
 * provider says before a caller reads it: a provider that echoes the request it answered or refused must not hand the
 * credential to the caller, least of all to a model.
 */
final class Redactions {

    private static final String BLANK = "[redacted]";

    private final List<String> secrets;

    private Redactions(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactions of(AuthorizedRequest request) {
        // The longest first: a whole header value goes before the credential inside it.
        return new Redactions(request.secrets().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    String apply(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, BLANK);
        }
        return redacted;
    }

    /** The JSON with every text in it redacted (names are left as they are): a provider's answer on its way to a caller. */
    JsonNode apply(JsonNode json) {
        if (json.isTextual()) {
            String text = json.textValue();
            String redacted = apply(text);
            return redacted.equals(text) ? json : TextNode.valueOf(redacted);
        }
        if (json.isObject()) {
            ObjectNode object = (ObjectNode) json;
            object.fields().forEachRemaining(field -> field.setValue(apply(field.getValue())));
            return object;
        }
        if (json.isArray()) {
            ArrayNode array = (ArrayNode) json;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, apply(array.get(i)));
            }
        }
        return json;
    }
}
