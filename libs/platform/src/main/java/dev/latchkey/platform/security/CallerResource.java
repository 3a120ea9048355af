package dev.latchkey.platform.security;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tells a caller how this service sees its token: tenant, subject and roles. It blocks on nothing, so it answers on the
 * event loop: the token check and the HTTP stack alone, the reference the hot paths are measured against
 * (bench/hotpath), with no hop to a worker thread that a reactive endpoint does not make either.
 */
@Path("/api/v1/caller")
@Requires(Permission.SIGNED_IN)
public class CallerResource {

    private final CurrentCaller caller;

    public CallerResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant, subject and roles this service reads from the bearer token")
    public Caller get() {
        return caller.get();
    }
}
