package dev.latchkey.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The OpenAPI document a running service publishes at {@code /q/openapi}, as its list of operations. */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final List<ApiOperation> operations = new ArrayList<>();

    private OpenApiDocument(JsonNode document) {
        Map<String, JsonNode> schemas = new HashMap<>();
        document.path("components").path("schemas").fields().forEachRemaining(entry -> schemas.put(entry.getKey(), entry.getValue()));
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(new ApiOperation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.getValue(), schemas));
            }
        }));
    }

    /** The document of the service under test, read the way a client generator reads it. */
    public static OpenApiDocument published() {
        HttpAnswer answer = new ApiCall("GET", "/q/openapi", "format=json", null, null, null).send();
        if (answer.status() != 200) {
            throw new AssertionError("the service publishes no OpenAPI document: " + answer);
        }
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(answer.body()));
        } catch (java.io.IOException e) {
            throw new AssertionError("the OpenAPI document is no JSON: " + e.getMessage(), e);
        }
    }

    public List<ApiOperation> operations() {
        return List.copyOf(operations);
    }

    /** The operation for {@code method} and the path template as the document writes it. */
    public ApiOperation operation(String method, String path) {
        return operations.stream().filter(operation -> operation.method().equals(method) && operation.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("the document has no operation " + method + " " + path));
    }
}
