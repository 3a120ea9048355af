package dev.latchkey.refresher.rest;

import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import dev.latchkey.refresher.service.OnDemandRefresh;
import dev.latchkey.oauth.RefreshOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.UUID;

/**
 * On-demand refresh, for Latchkey's own services (the {@code service} role); user tokens are refused. The caller
 * names the connection's tenant, so a service token cannot refresh a connection of a tenant it was not asked about.
 */
@Path("/internal/v1/tenants/{tenant}/refresh")
@Produces(MediaType.APPLICATION_JSON)
public class RefreshResource {

    private final OnDemandRefresh refreshes;
    private final CurrentCaller caller;

    public RefreshResource(OnDemandRefresh refreshes, CurrentCaller caller) {
        this.refreshes = refreshes;
        this.caller = caller;
    }

    @POST
    @Path("/{connectionId}")
    @Requires(Permission.INTERNAL)
    @Operation(summary = "Refresh a connection's token now, once however many callers ask at the same time: 200 with the"
            + " new expiry, 409 when the grant is gone (authorize again), 502 when the provider failed for now, 404 when"
            + " the connection is not one of the tenant's that Latchkey refreshes")
    @APIResponseSchema(value = RefreshOutcome.class, responseDescription = "The token's new expiry")
    @APIResponse(responseCode = "409", description = "The provider ended the grant: authorize the connection again")
    @APIResponse(responseCode = "502", description = "The provider failed to refresh the token, for now")
    public Uni<RefreshOutcome> refresh(String tenant, UUID connectionId,
            @Parameter(description = "the API refused the token the caller holds: refresh it though it is not due, unless"
                    + " a token was obtained since the caller asked") @QueryParam("refused") boolean refused) {
        return refreshes.refresh(tenant, connectionId, caller.get().actor(), refused);
    }
}
