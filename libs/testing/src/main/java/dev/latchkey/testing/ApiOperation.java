package dev.latchkey.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** One operation of a service's OpenAPI document ({@code GET /api/v1/connections/{id}}) and what it declares. */
public record ApiOperation(String method, String path, JsonNode definition, Map<String, JsonNode> schemas) {

    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

    /** Whether the document says the operation takes a bearer token. */
    public boolean secured() {
        return definition.path("security").size() > 0;
    }

    /** Whether it takes the OIDC issuer's bearer tokens (the {@code bearer} scheme), not a toolkit token. */
    public boolean takesIssuersTokens() {
        return definition.path("security").findValues("bearer").size() > 0;
    }

    public boolean takesBody() {
        return definition.has("requestBody");
    }

    /** Whether its body is JSON that the service reads; a proxy's body is the API's business, not the service's. */
    public boolean takesJson() {
        return definition.path("requestBody").path("content").has("application/json");
    }

    /** A browser page (the connect page, the OAuth callback): it answers HTML, its refusals too. */
    public boolean isPage() {
        return definition.path("responses").findValues("content").stream().anyMatch(content -> content.has("text/html"));
    }

    /** The names of its parameters that sit {@code in} the path, query or a header. */
    public List<String> parameters(String in) {
        return StreamSupport.stream(definition.path("parameters").spliterator(), false)
                .filter(parameter -> in.equals(parameter.path("in").asText()))
                .map(parameter -> parameter.path("name").asText()).toList();
    }

    /** The properties of the request body's JSON schema, by name, with their schemas. */
    public Map<String, JsonNode> bodyProperties() {
        JsonNode schema = resolve(definition.path("requestBody").path("content").path("application/json").path("schema"));
        Map<String, JsonNode> properties = new java.util.TreeMap<>();
        schema.path("properties").fields().forEachRemaining(entry -> properties.put(entry.getKey(), resolve(entry.getValue())));
        return properties;
    }

    /**
     * The media types the document declares for {@code status} on this operation (empty for an answer without a body),
     * or nothing when it does not declare that status: a {@code default} response does not count.
     */
    public Optional<Set<String>> declared(int status) {
        JsonNode response = definition.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return Optional.empty();
        }
        Set<String> mediaTypes = new TreeSet<>();
        response.path("content").fieldNames().forEachRemaining(mediaTypes::add);
        return Optional.of(mediaTypes);
    }

    /** The path with each template ({@code {id}}) replaced by the (already encoded) value {@code valueOf} gives. */
    public String path(Function<String, String> valueOf) {
        Matcher matcher = TEMPLATE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(valueOf.apply(matcher.group(1))));
        }
        return matcher.appendTail(filled).toString();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? schemas.getOrDefault(ref.substring("#/components/schemas/".length()), schema) : schema;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
