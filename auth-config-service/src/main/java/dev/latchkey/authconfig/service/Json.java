package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions between request JSON and what the row and the secret store keep. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    static Map<String, Object> toMap(ObjectNode node) {
        return MAPPER.convertValue(node, MAP);
    }

    static ObjectNode toObject(Map<String, ?> map) {
        return map == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(map);
    }

    /** Secret fields are strings by their form; the form has checked that before this is called. */
    static Map<String, String> toStrings(ObjectNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    /** A provider's answer as JSON, or an empty object when it is not JSON. */
    static JsonNode parseOrEmpty(String body) {
        try {
            return MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** RFC 7396 merge patch of one level: a value replaces, null removes, absent keeps. */
    static ObjectNode merge(ObjectNode base, ObjectNode patch) {
        ObjectNode merged = base.deepCopy();
        if (patch != null) {
            patch.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    merged.remove(field.getKey());
                } else {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        return merged;
    }
}
