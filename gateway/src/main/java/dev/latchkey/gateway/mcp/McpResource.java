package dev.latchkey.gateway.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.platform.problem.Problem;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The MCP server (Streamable HTTP transport, MCP 2025-11-25 and the revisions before it back to 2025-03-26): each
 * JSON-RPC message is a POST, each request answered with one JSON response (no stream is opened, and no session is kept:
 * every request carries the toolkit token, checked anew). Notifications and responses are accepted with a 202. The
 * token's toolkit is the tool list ({@link McpMethods}).
 */
@Path(McpEndpoint.PATH)
public class McpResource {

    private static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

    private final McpMethods methods;
    private final McpEndpoint endpoint;
    private final SecurityIdentity identity;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public McpResource(McpMethods methods, McpEndpoint endpoint, SecurityIdentity identity, CurrentCaller caller, ObjectMapper json) {
        this.methods = methods;
        this.endpoint = endpoint;
        this.identity = identity;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    @Requires(Permission.CALL_TOOLKIT)
    @Operation(summary = "The MCP server: one JSON-RPC message (initialize, ping, tools/list, tools/call, notifications)",
            description = "Authorized by a toolkit token as bearer (401 with WWW-Authenticate naming the protected resource"
                    + " metadata otherwise). Tool calls run the toolkit's actions; a provider's refusal is a tool result with"
                    + " isError, not a protocol error.")
    public Uni<Response> message(String body, @HeaderParam("Origin") String origin, @HeaderParam(PROTOCOL_VERSION) String version,
            @Context UriInfo uri) {
        if (!endpoint.allows(origin)) {
            return Uni.createFrom().item(Problem.of("forbidden", "Forbidden", 403, "Pages from " + origin
                    + " may not call this MCP server (latchkey.gateway.mcp-allowed-origins).", Problem.instance(uri)).toResponse());
        }
        if (version != null && !McpMethods.SUPPORTED_VERSIONS.contains(version)) {
            return Uni.createFrom().item(Problem.of("bad-request", "Bad request", 400, "This server speaks MCP "
                    + String.join(", ", McpMethods.SUPPORTED_VERSIONS) + ", not " + version + ".", Problem.instance(uri)).toResponse());
        }
        JsonNode message;
        try {
            message = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException notJson) {
            return unanswerable(ErrorCodes.PARSE_ERROR, "The body is not JSON.");
        }
        if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
            return unanswerable(ErrorCodes.INVALID_REQUEST,
                    "A message is one JSON-RPC 2.0 object (batches are not part of MCP since 2025-06-18).");
        }
        if (!message.hasNonNull("method") || !message.has("id")) {
            return Uni.createFrom().item(Response.accepted().build());
        }
        ToolkitGrant grant = identity.getAttribute(ToolkitTokenMechanism.GRANT);
        Object id = json.convertValue(message.get("id"), Object.class);
        return methods.answer(caller.get(), grant, message.get("method").asText(), message.path("params"))
                .map(result -> JSONRPCResponse.result(id, result))
                .onFailure(McpMethods.ProtocolError.class).recoverWithItem(failure -> {
                    McpMethods.ProtocolError error = (McpMethods.ProtocolError) failure;
                    return JSONRPCResponse.error(id, new JSONRPCError(error.code(), error.getMessage()));
                })
                .chain(this::answer);
    }

    private Uni<Response> answer(JSONRPCResponse response) {
        try {
            return Uni.createFrom().item(Response.ok(json.writeValueAsString(response), MediaType.APPLICATION_JSON).build());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("an MCP answer does not serialize", e));
        }
    }

    /** A 400 with a JSON-RPC error whose id is null: the message's id could not be read (JSON-RPC 2.0 §5). */
    private static Uni<Response> unanswerable(int code, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").putNull("id");
        error.putObject("error").put("code", code).put("message", message);
        return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(error.toString()).build());
    }
}
