package dev.latchkey.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bad-input corpus for one operation of a document: malformed path parameters and over-long paths, malformed
 * query parameters, and bodies that are no JSON, the wrong JSON, or JSON with values no field takes. Every request
 * carries a token that may do everything, so each reaches the code that reads the input.
 */
final class MalformedRequests {

    private static final String LONG = "x".repeat(20_000);

    /** Path parameter values that are no id: not a UUID, a space, NUL, braces, a parent, a line break, very long. */
    private static final List<String> PATH_VALUES = List.of("not-a-uuid", "a%20b", "a%00b", "%7Bid%7D", "%7B", "%2e%2e",
            "a%0Ab", "x".repeat(9_000));

    /** Query parameter values a client should never send: control characters, braces, huge, odd numbers, empty. */
    private static final List<String> QUERY_VALUES = List.of("a%00b", "a%01b", "a%7Fb", "%7B%7D", "-1",
            "99999999999999999999999", "1e400", "x".repeat(9_000), "");

    /** Bodies that are no JSON document of an object, or one read strictly refuses. */
    private static final List<String> BODIES = List.of("", "{", "}", "{\"a\":", "[]", "\"text\"", "123", "null", "true",
            "{} xyz", "{}{}", "{\"unknownField\": 1}", "{\"a\": 1, \"a\": 2}", "{'a': 1}", "{\"a\": NaN}",
            "[".repeat(2_000), "{\"n\": " + "9".repeat(1_100) + "}", "{\"a\": \"\\u0000\"}", "{\"a\": \"\\ud800\"}");

    private final ApiOperation operation;
    private final String tenant;
    private final String token;

    MalformedRequests(ApiOperation operation, String tenant, String token) {
        this.operation = operation;
        this.tenant = tenant;
        this.token = token;
    }

    List<ApiCall> all() {
        List<ApiCall> calls = new ArrayList<>();
        for (String value : PATH_VALUES) {
            if (!operation.parameters("path").isEmpty()) {
                calls.add(call(operation.path(name -> value)));
            }
        }
        calls.add(call(wellFormedPath() + "/" + LONG));
        calls.add(call(wellFormedPath()).withQuery("q=" + "y".repeat(70_000)));
        for (String name : operation.parameters("query")) {
            QUERY_VALUES.forEach(value -> calls.add(call(wellFormedPath()).withQuery(name + "=" + value)));
            calls.add(call(wellFormedPath()).withQuery(name + "=1&" + name + "=2"));
        }
        if (operation.takesBody()) {
            bodies().forEach(body -> calls.add(call(wellFormedPath()).withBody("application/json", body)));
            calls.add(call(wellFormedPath()).withBody("text/plain", bytes("{}")));
            calls.add(call(wellFormedPath()).withBody("application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}));
            calls.add(call(wellFormedPath()).withBody("application/json", new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'}));
        }
        return calls;
    }

    /**
     * The fixed bodies, then for each field of the request's schema: the wrong type, NUL, a control character, a lone
     * surrogate, a huge string, an object with NUL, an array, numbers beyond every type. The huge string stays under
     * the smallest body limit (audit-service's 16 KiB): over it the answer is a 413 that closes the connection, which
     * the HTTP layer's own tests cover.
     */
    private List<byte[]> bodies() {
        List<byte[]> bodies = new ArrayList<>(BODIES.stream().map(MalformedRequests::bytes).toList());
        for (Map.Entry<String, JsonNode> field : operation.bodyProperties().entrySet()) {
            String name = field.getKey();
            boolean text = "string".equals(field.getValue().path("type").asText());
            List.of(text ? "123" : "\"text\"", "\"a\\u0000b\"", "\"a\\u0007b\"", "\"a\\ud800b\"",
                    "\"" + "z".repeat(15_000) + "\"", "{\"k\\u0000\": \"v\\u0000\"}", "[null]", "-1e400",
                    "99999999999999999999")
                    .forEach(value -> bodies.add(bytes("{\"" + name + "\": " + value + "}")));
        }
        return bodies;
    }

    private String wellFormedPath() {
        return operation.path(name -> name.equals("tenant") ? tenant : UUID.randomUUID().toString());
    }

    private ApiCall call(String path) {
        return new ApiCall(operation.method(), path, null, null, null, token);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
