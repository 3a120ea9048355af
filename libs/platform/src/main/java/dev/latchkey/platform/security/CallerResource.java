package dev.latchkey.platform.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tells a caller how this service sees its token: tenant, subject and roles. */
@Path("/api/v1/caller")
@Requires(Permission.SIGNED_IN)
public class CallerResource {

    private final CurrentCaller caller;

    public CallerResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant, subject and roles this service reads from the bearer token")
    public Caller get() {
        return caller.get();
    }
}
