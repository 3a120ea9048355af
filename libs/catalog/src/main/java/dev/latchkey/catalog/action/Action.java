package dev.latchkey.catalog.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * One thing a workflow or an agent can do with a connection of a catalog entry: one request to the entry's API, built
 * from a JSON input ({@link ActionRequest}), its JSON answer mapped to a JSON output ({@code response}: each output
 * property and the JSON Pointer of its value). Read from {@code catalog/actions/<entry key>.yaml}; its format is
 * {@code catalog/catalog-actions.schema.json}.
 *
 * @param hints      what the action does to the provider's data, for MCP tool annotations
 * @param input      the input's JSON Schema as declared, without the {@code cursor} pagination adds
 * @param output     the output's JSON Schema as declared, without the {@code nextCursor} pagination adds
 * @param pagination how the next page is asked for; null when the answer is not paged
 * @param expect     JSON Pointers and the value each must have in a successful answer; empty for most APIs
 */
public record Action(String name, String title, String description, String docsUrl, Hints hints, ObjectNode input,
                     ObjectNode output, ActionRequest request, Map<String, String> response, Pagination pagination,
                     Map<String, JsonNode> expect) {

    /** The input of a paged action that asks for a page after the first. */
    public static final String CURSOR = "cursor";
    /** The output of a paged action that names the next page, absent on the last. */
    public static final String NEXT_CURSOR = "nextCursor";

    public Action {
        response = Map.copyOf(response);
        expect = expect == null ? Map.of() : Map.copyOf(expect);
    }

    /** @param readOnly changes nothing; destructive may delete or overwrite; idempotent: twice does no more than once */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent) {
    }

    /** The input's JSON Schema as callers see it: a paged action takes an optional {@code cursor}. */
    public ObjectNode inputSchema() {
        return pagination == null ? input : withProperty(input, CURSOR,
                "The nextCursor of the previous page's output, to get the page after it; leave out for the first page.");
    }

    /** The output's JSON Schema as callers see it: a paged action's output names the next page, until the last. */
    public ObjectNode outputSchema() {
        return pagination == null ? output : withProperty(output, NEXT_CURSOR,
                "Pass it as the input's cursor to get the next page; absent on the last page.");
    }

    private static ObjectNode withProperty(ObjectNode schema, String name, String description) {
        ObjectNode copy = schema.deepCopy();
        ObjectNode properties = copy.has("properties") ? (ObjectNode) copy.get("properties") : copy.putObject("properties");
        properties.set(name, JsonNodeFactory.instance.objectNode().put("type", "string").put("description", description));
        return copy;
    }
}
