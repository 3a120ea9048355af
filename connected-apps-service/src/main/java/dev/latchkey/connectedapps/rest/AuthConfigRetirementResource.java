package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.AuthConfigRetirement;
import dev.latchkey.connectedapps.service.AuthConfigRetirement.Outcome;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Whether an auth config may be deleted, asked by auth-config-service (the {@code service} role); user tokens are refused. */
@Path("/internal/v1/tenants/{tenant}/auth-configs/{authConfigId}/retirement")
@Produces(MediaType.APPLICATION_JSON)
public class AuthConfigRetirementResource {

    private final AuthConfigRetirement retirement;

    public AuthConfigRetirementResource(AuthConfigRetirement retirement) {
        this.retirement = retirement;
    }

    @POST
    @Requires(Permission.INTERNAL)
    @Operation(summary = "Retire an auth config before it is deleted: retired=true when no connection uses it (none can be"
            + " made from it afterwards), retired=false with the number of connections that use it otherwise")
    public Uni<Outcome> retire(@PathParam("tenant") String tenant, @PathParam("authConfigId") UUID authConfigId) {
        return retirement.retire(tenant, authConfigId);
    }
}
