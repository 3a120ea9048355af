package dev.latchkey.gateway.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.action.Action;
import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.gateway.mcp.ToolkitTools.ToolkitTool;
import dev.latchkey.gateway.service.ActionFailedException;
import dev.latchkey.gateway.service.ActionRuns;
import dev.latchkey.gateway.service.CallRefusedException;
import dev.latchkey.gateway.service.CallsInFlight;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.TooManyRequestsException;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.platform.security.Caller;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MCP methods the gateway serves for a toolkit token's holder: {@code initialize}, {@code ping}, {@code tools/list}
 * (a page at a time) and {@code tools/call}, which runs the tool's action through {@link ActionRuns} (credentials applied,
 * refreshed when due, an {@code access.action_run} event naming the toolkit). What the API or the input got wrong comes
 * back as a tool result with {@code isError}, for the model to read and correct; an unknown tool or method, or a bad
 * cursor, is a JSON-RPC error ({@link ProtocolError}).
 */
@ApplicationScoped
public class McpMethods {

    /** The revisions spoken, newest first: a client asking for another one is answered with the newest. */
    static final List<String> SUPPORTED_VERSIONS = List.of(ProtocolVersions.MCP_2025_11_25, ProtocolVersions.MCP_2025_06_18,
            ProtocolVersions.MCP_2025_03_26);

    /** A JSON-RPC error answer. */
    static final class ProtocolError extends RuntimeException {

        private final int code;

        ProtocolError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ToolkitTools tools;
    private final ActionRuns runs;
    private final CallsInFlight inFlight;
    private final ObjectMapper json;
    private final int pageSize;

    public McpMethods(ToolkitTools tools, ActionRuns runs, CallsInFlight inFlight, ObjectMapper json, GatewayConfig config) {
        this.tools = tools;
        this.runs = runs;
        this.inFlight = inFlight;
        this.json = json;
        this.pageSize = config.mcpToolsPageSize();
    }

    /** The result of one request, or a failed Uni with a {@link ProtocolError}. */
    Uni<Object> answer(Caller caller, ToolkitGrant grant, String method, JsonNode params) {
        return switch (method) {
            case "initialize" -> Uni.createFrom().item(initialized(grant, params.path("protocolVersion").asText(null)));
            case "ping" -> Uni.createFrom().item(Map.of());
            case "tools/list" -> tools.of(grant).map(list -> page(list, params.path("cursor").asText(null)));
            case "tools/call" -> call(caller, grant, params);
            default -> Uni.createFrom().failure(new ProtocolError(ErrorCodes.METHOD_NOT_FOUND, "This server has no method '"
                    + method + "'."));
        };
    }

    private static InitializeResult initialized(ToolkitGrant grant, String asked) {
        String version = SUPPORTED_VERSIONS.contains(asked) ? asked : SUPPORTED_VERSIONS.get(0);
        return new InitializeResult(version, ServerCapabilities.builder().tools(false).build(),
                new Implementation("latchkey", "Latchkey", "0.1.0"),
                "The tools of the toolkit '" + grant.toolkitName() + "': actions of connected apps, run with their"
                        + " credentials, which you never see. A tool result with isError says what the API or the input got"
                        + " wrong; read it and try again with a corrected input.");
    }

    private ListToolsResult page(List<ToolkitTool> all, String cursor) {
        int from = cursor == null ? 0 : offset(cursor);
        if (from < 0 || from > all.size()) {
            throw new ProtocolError(ErrorCodes.INVALID_PARAMS, "The cursor is not one this server gave.");
        }
        int to = Math.min(all.size(), from + pageSize);
        List<Tool> page = all.subList(from, to).stream().map(this::tool).toList();
        return new ListToolsResult(page, to < all.size() ? cursorAt(to) : null);
    }

    private Tool tool(ToolkitTool tool) {
        Action action = tool.action();
        Action.Hints hints = action.hints();
        return Tool.builder().name(tool.name()).title(action.title())
                .description(action.description() + " (connection " + tool.connectionId() + ", " + tool.environment() + ")")
                .inputSchema(map(action.inputSchema())).outputSchema(map(action.outputSchema()))
                .annotations(new ToolAnnotations(action.title(), hints.readOnly(), hints.destructive(), hints.idempotent(), true, null))
                .build();
    }

    private Uni<Object> call(Caller caller, ToolkitGrant grant, JsonNode params) {
        String name = params.path("name").asText(null);
        JsonNode arguments = params.has("arguments") ? params.get("arguments") : JsonNodeFactory.instance.objectNode();
        return tools.of(grant).chain(list -> {
            ToolkitTool tool = ToolkitTools.named(list, name).orElseThrow(() -> new ProtocolError(ErrorCodes.INVALID_PARAMS,
                    "The toolkit has no tool '" + name + "'."));
            CallsInFlight.Place place;
            try {
                place = inFlight.enter(caller.tenant(), tool.connectionId());
            } catch (TooManyRequestsException busy) {
                return Uni.createFrom().item(failed(busy.getMessage()));
            }
            return runs.run(caller, tool.connectionId(), tool.action().name(), arguments, grant.toolkitId())
                    .map(this::succeeded)
                    .onFailure(McpMethods::toldToTheModel).recoverWithItem(failure -> failed(told(failure)))
                    .eventually(place::release);
        });
    }

    private Object succeeded(ObjectNode output) {
        return CallToolResult.builder().structuredContent(map(output)).addTextContent(output.toString()).isError(false).build();
    }

    private static Object failed(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    /** Failures whose messages hold what went wrong and never a secret: the model may read them and try again. */
    private static boolean toldToTheModel(Throwable failure) {
        return failure instanceof InvalidInputException || failure instanceof ActionFailedException
                || failure instanceof CallRefusedException || failure instanceof UpstreamException
                || failure instanceof UnavailableException || failure instanceof TooManyRequestsException
                || failure instanceof NotFoundException;
    }

    private static String told(Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            return invalid.getMessage() + " " + invalid.errors().stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; ")) + ".";
        }
        return failure.getMessage();
    }

    private Map<String, Object> map(ObjectNode node) {
        return json.convertValue(node, FIELDS);
    }

    private static String cursorAt(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("tools:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("tools:")) {
                return Integer.parseInt(text.substring("tools:".length()));
            }
        } catch (IllegalArgumentException notOurs) {
            // answered below
        }
        throw new ProtocolError(ErrorCodes.INVALID_PARAMS, "The cursor is not one this server gave.");
    }
}
