package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.ToolkitTokens;
import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.events.ToolkitGrant.Introspection;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What a toolkit token lets its holder call, asked by the gateway (the {@code service} role) on each MCP request, so a
 * revoked token stops at once. The value travels in the body, never in a URL that a log could keep.
 */
@Path("/internal/v1/toolkit-tokens/introspection")
@Produces(MediaType.APPLICATION_JSON)
public class ToolkitTokenIntrospectionResource {

    private final ToolkitTokens tokens;

    public ToolkitTokenIntrospectionResource(ToolkitTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.INTERNAL)
    @Operation(summary = "Introspect a toolkit token: active with its tenant, toolkit and members, or active=false for a"
            + " token that is unknown, revoked or expired")
    public Uni<ToolkitGrant> introspect(Introspection introspection) {
        return tokens.grant(introspection == null ? null : introspection.token());
    }
}
