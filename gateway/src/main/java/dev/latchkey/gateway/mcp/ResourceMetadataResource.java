package dev.latchkey.gateway.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The MCP server's protected resource metadata (RFC 9728), where a 401's {@code WWW-Authenticate} points: the resource and
 * how a token is presented. It names no authorization server: a toolkit token is issued by Latchkey's own API
 * ({@code POST /api/v1/toolkits/{id}/tokens}) and configured into the client, not obtained through an OAuth flow.
 */
@Path(McpEndpoint.METADATA_PATH)
public class ResourceMetadataResource {

    /** The metadata document's members (RFC 9728 §2). */
    public record ResourceMetadata(String resource,
            @JsonProperty("bearer_methods_supported") List<String> bearerMethodsSupported,
            @JsonProperty("resource_name") String resourceName) {
    }

    private final McpEndpoint endpoint;

    public ResourceMetadataResource(McpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The MCP server's protected resource metadata (RFC 9728)")
    public ResourceMetadata metadata() {
        return new ResourceMetadata(endpoint.resource(), List.of("header"), "Latchkey MCP server (toolkit tokens)");
    }
}
