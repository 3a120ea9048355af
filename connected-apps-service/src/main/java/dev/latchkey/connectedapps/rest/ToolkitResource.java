package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.domain.Toolkit;
import dev.latchkey.connectedapps.service.NewToolkit;
import dev.latchkey.connectedapps.service.ToolkitTokens;
import dev.latchkey.connectedapps.service.Toolkits;
import dev.latchkey.platform.paging.Keyset;
import dev.latchkey.platform.paging.Page;
import dev.latchkey.platform.paging.PageRequest;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.rest.Versions;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import dev.latchkey.platform.text.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The toolkits of the caller's tenant: named sets of connections' actions that agents call as tools through the
 * gateway's MCP server, each with capability tokens. Every change, issue and revocation is an event.
 */
@Path("/api/v1/toolkits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ToolkitResource {

    private final Toolkits toolkits;
    private final ToolkitTokens tokens;
    private final CurrentCaller caller;

    public ToolkitResource(Toolkits toolkits, ToolkitTokens tokens, CurrentCaller caller) {
        this.toolkits = toolkits;
        this.tokens = tokens;
        this.caller = caller;
    }

    /** A request for a token: a name to know it by, and how many days it lasts (the service's default when absent). */
    public record NewToken(@Size(max = 100) @PlainText String name, @Min(1) @Max(3650) Integer expiresInDays) {
    }

    @POST
    @Requires(Permission.CREATE)
    @Operation(summary = "Make a toolkit: connections of the tenant, each with all its catalog actions or those named;"
            + " readOnly keeps only read-only ones")
    @APIResponseSchema(value = ToolkitView.class, responseCode = "201", responseDescription = "Created, its Location and its version as ETag")
    @APIResponse(responseCode = "409", description = "The tenant has a toolkit of that name")
    public Uni<Response> create(@Valid @NotNull NewToolkit request) {
        return toolkits.create(caller.get(), request).map(created -> Response.created(URI.create("/api/v1/toolkits/" + created.id()))
                .tag(new EntityTag(String.valueOf(created.version()))).entity(ToolkitView.of(created)).build());
    }

    @GET
    @Requires(Permission.VIEW)
    @Operation(summary = "List toolkits, newest first")
    public Uni<Page<ToolkitView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest<Keyset> paging = PageRequest.read(limit, cursor, Keyset::parseTimed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", errors);
        }
        return toolkits.list(caller.get(), paging.after().orElse(null), paging.fetchSize()).map(rows -> paging.page(rows,
                (Toolkit last) -> new Keyset(last.createdAt(), last.id()).text(), ToolkitView::of));
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.VIEW)
    @Operation(summary = "One toolkit, its version as ETag")
    @APIResponseSchema(value = ToolkitView.class, responseDescription = "The toolkit, its version as ETag")
    public Uni<Response> get(UUID id) {
        return toolkits.get(caller.get(), id).map(toolkit -> Versions.tagged(toolkit.version()).entity(ToolkitView.of(toolkit)).build());
    }

    @PATCH
    @Path("/{id}")
    @Requires(Permission.EDIT)
    @Operation(summary = "Change a toolkit's name, description, read-only flag or members; send If-Match with the ETag you"
            + " read to refuse lost updates (412)")
    @APIResponseSchema(value = ToolkitView.class, responseDescription = "The toolkit as changed, its new version as ETag")
    @APIResponse(responseCode = "412", description = "The toolkit changed since the version If-Match names")
    public Uni<Response> update(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ToolkitChanges changes) {
        return toolkits.update(caller.get(), id, Versions.ifMatch(ifMatch), changes.asRequest())
                .map(toolkit -> Versions.tagged(toolkit.version()).entity(ToolkitView.of(toolkit)).build());
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.DELETE)
    @Operation(summary = "Delete a toolkit; its tokens call nothing from then on")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(UUID id) {
        return toolkits.delete(caller.get(), id).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/tokens")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = "Issue a token for the toolkit: an agent's bearer token for the gateway's MCP server, that calls"
            + " the toolkit's actions and nothing else. Its value is in this answer only")
    @APIResponseSchema(value = ToolkitTokenView.class, responseCode = "201", responseDescription = "The token, its value shown once")
    public Uni<Response> issue(UUID id, @Valid NewToken request) {
        Duration lifetime = request == null || request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        return tokens.issue(caller.get(), id, request == null ? null : request.name(), lifetime)
                .map(issued -> Response.status(Response.Status.CREATED).entity(ToolkitTokenView.of(issued.token(), issued.value())).build());
    }

    @GET
    @Path("/{id}/tokens")
    @Requires(Permission.VIEW)
    @Operation(summary = "The toolkit's tokens, newest first, never their values")
    public Uni<List<ToolkitTokenView>> tokens(UUID id) {
        return tokens.of(caller.get(), id).map(all -> all.stream().map(token -> ToolkitTokenView.of(token, null)).toList());
    }

    @DELETE
    @Path("/{id}/tokens/{tokenId}")
    @Requires(Permission.EDIT)
    @Operation(summary = "Revoke a token of the toolkit: it calls nothing from then on")
    @APIResponseSchema(value = ToolkitTokenView.class, responseDescription = "The token, revoked")
    public Uni<ToolkitTokenView> revoke(UUID id, UUID tokenId) {
        return tokens.revoke(caller.get(), id, tokenId).map(token -> ToolkitTokenView.of(token, null));
    }
}
