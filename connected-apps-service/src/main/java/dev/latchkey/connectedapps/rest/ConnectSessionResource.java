package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.AllowedOrigins;
import dev.latchkey.connectedapps.service.ConnectSessions;
import dev.latchkey.connectedapps.service.NewConnectSession;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;

/** Hosted connect links, and the origins they may send users back to. */
@Path("/api/v1/connect-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectSessionResource {

    private final ConnectSessions sessions;
    private final AllowedOrigins allowedOrigins;
    private final CurrentCaller caller;

    public ConnectSessionResource(ConnectSessions sessions, AllowedOrigins allowedOrigins, CurrentCaller caller) {
        this.sessions = sessions;
        this.allowedOrigins = allowedOrigins;
        this.caller = caller;
    }

    /** The origins connect sessions may return users to. */
    public record Origins(@NotNull @Size(max = 50) List<String> origins) {
    }

    @POST
    @Requires(Permission.CONNECT)
    @Operation(summary = "Make a short-lived, single-use link where an end user connects an account; the return URL's"
            + " origin must be one of the tenant's allowed origins")
    @APIResponseSchema(value = ConnectSessions.Issued.class, responseCode = "201", responseDescription = "The link, and when it expires")
    public Uni<Response> create(@Valid @NotNull NewConnectSession request) {
        return sessions.create(caller.get(), request).map(issued -> Response.status(Response.Status.CREATED).entity(issued).build());
    }

    @GET
    @Path("/allowed-origins")
    @Requires(Permission.VIEW)
    @Operation(summary = "The origins connect sessions may send users back to")
    public Uni<Origins> allowedOrigins() {
        return allowedOrigins.of(caller.get().tenant()).map(Origins::new);
    }

    @PUT
    @Path("/allowed-origins")
    @Requires(Permission.ADMINISTER)
    @Operation(summary = "Replace the origins connect sessions may send users back to (admins)")
    public Uni<Origins> replaceAllowedOrigins(@Valid @NotNull Origins origins) {
        return allowedOrigins.replace(caller.get(), origins.origins()).map(Origins::new);
    }
}
