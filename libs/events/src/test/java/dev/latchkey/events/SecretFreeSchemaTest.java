package dev.latchkey.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule that keeps secrets out of events: no event schema may have a property that is named like a
 * secret and can hold text. A flag such as {@code refreshTokenRotated} or a time such as {@code expiresAt}
 * cannot carry a secret; a string named {@code accessToken} can.
 */
class SecretFreeSchemaTest {

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(token|secret|password|passwd|passphrase|apikey|api_key|credential|privatekey|private_key"
                    + "|authorization|cookie|signature|assertion|verifier|code).*");
    private static final Set<String> SAFE_FORMATS = Set.of("date-time", "uuid");

    @Test
    void noEventSchemaHasAPropertyThatCanHoldASecret() throws Exception {
        List<String> violations = new ArrayList<>();
        for (EventType type : EventType.values()) {
            violations.addAll(violations(type.eventName(), EventSchemaTest.schemaJson(type)));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void ruleCatchesSecretsAndLetsFlagsAndTimesThrough() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("""
                {"type":"object","properties":{
                  "accessToken":{"type":"string"},
                  "nested":{"type":"object","properties":{"clientSecret":{"type":["string","null"]}}},
                  "scopes":{"type":"array","items":{"type":"string"}},
                  "apiKeys":{"type":"array","items":{"type":"string"}},
                  "refreshTokenRotated":{"type":"boolean"},
                  "tokenExpiresAt":{"type":"string","format":"date-time"},
                  "httpStatusCode":{"type":"integer"}}}
                """);

        assertEquals(List.of("bad.accessToken", "bad.nested.clientSecret", "bad.apiKeys"), violations("bad", schema));
    }

    /** Property paths whose name sounds like a secret and whose type can hold one. */
    static List<String> violations(String path, JsonNode schema) {
        List<String> found = new ArrayList<>();
        JsonNode properties = schema.path("properties");
        properties.fieldNames().forEachRemaining(name -> {
            JsonNode property = properties.get(name);
            String normalised = name.toLowerCase(Locale.ROOT);
            if (SECRET_NAME.matcher(normalised).matches() && canHoldText(property)) {
                found.add(path + "." + name);
            }
            found.addAll(violations(path + "." + name, property));
        });
        return found;
    }

    private static boolean canHoldText(JsonNode property) {
        if (property.has("items")) {
            return canHoldText(property.get("items"));
        }
        JsonNode type = property.path("type");
        boolean text = type.isArray()
                ? type.toString().contains("\"string\"") || type.toString().contains("\"object\"")
                : type.isMissingNode() || "string".equals(type.asText()) || "object".equals(type.asText());
        return text && !SAFE_FORMATS.contains(property.path("format").asText());
    }
}
