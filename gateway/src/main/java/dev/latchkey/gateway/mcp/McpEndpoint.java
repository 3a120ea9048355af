package dev.latchkey.gateway.mcp;

import dev.latchkey.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Where the MCP server is, as clients reach it, and which browser origins may call it. */
@ApplicationScoped
public class McpEndpoint {

    /** The MCP server's path. */
    public static final String PATH = "/mcp";
    /** Its protected resource metadata's path (RFC 9728 §3.1: the well-known prefix, then the resource's path). */
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource" + PATH;

    private final String publicBaseUrl;
    private final List<String> allowedOrigins;

    public McpEndpoint(GatewayConfig config) {
        this.publicBaseUrl = config.publicBaseUrl().replaceAll("/+$", "");
        this.allowedOrigins = config.mcpAllowedOrigins().orElse(List.of());
    }

    boolean isMcp(String path) {
        return PATH.equals(path);
    }

    /** The MCP server's URL: the resource its tokens are for. */
    String resource() {
        return publicBaseUrl + PATH;
    }

    String resourceMetadataUrl() {
        return publicBaseUrl + METADATA_PATH;
    }

    /** Whether a request from {@code origin} (its {@code Origin} header, null when it has none) may be served. */
    boolean allows(String origin) {
        return origin == null || allowedOrigins.contains(origin);
    }
}
