package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.repository.AuthConfigQuery;
import dev.latchkey.authconfig.service.AuthConfigChanges;
import dev.latchkey.authconfig.service.AuthConfigService;
import dev.latchkey.authconfig.service.DraftAuthConfig;
import dev.latchkey.authconfig.service.NewAuthConfig;
import dev.latchkey.platform.paging.Page;
import dev.latchkey.platform.rest.Versions;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

/** The auth configs of the caller's tenant. Every change is an event, and so an audit entry. */
@Path("/api/v1/auth-configs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthConfigResource {

    /** RFC 7386's media type for a merge patch, which an edit is; plain JSON is taken too. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final AuthConfigService service;
    private final AuthConfigMapper mapper;
    private final CurrentCaller caller;

    public AuthConfigResource(AuthConfigService service, AuthConfigMapper mapper, CurrentCaller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @Requires(Permission.CREATE)
    @Operation(summary = "Create an auth config; secret fields are stored encrypted and never shown again")
    @APIResponseSchema(value = AuthConfigView.class, responseCode = "201",
            responseDescription = "Created: the auth config, its Location and its version as ETag")
    @APIResponse(responseCode = "409", description = "The tenant has an auth config of that name")
    public Uni<Response> create(@Valid @NotNull NewAuthConfig request) {
        return service.create(caller.get(), request).map(created -> Response
                .created(URI.create("/api/v1/auth-configs/" + created.id))
                .tag(new EntityTag(String.valueOf(created.version)))
                .entity(mapper.toView(created)).build());
    }

    @GET
    @Requires(Permission.VIEW)
    @Operation(summary = "List auth configs: filters, sort (-createdAt, createdAt, name, -name) and cursor pagination")
    public Uni<Page<AuthConfigView>> list(@QueryParam("category") String category, @QueryParam("provider") String provider,
            @QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("environment") String environment, @QueryParam("q") String text,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        AuthConfigQuery query = ListParameters.query(caller.get().tenant(), category, provider, type, status, environment,
                text, sort, cursor, limit);
        return service.list(query)
                .map(rows -> query.paging().page(rows, row -> query.order().keysetAfter(row).text(), mapper::toView));
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.VIEW)
    @Operation(summary = "One auth config, with its version as ETag")
    @APIResponseSchema(value = AuthConfigView.class, responseDescription = "The auth config, its version as ETag")
    public Uni<Response> get(UUID id) {
        return service.get(caller.get(), id).map(found -> Versions.tagged(found.version).entity(mapper.toView(found)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Requires(Permission.EDIT)
    @Operation(summary = "Edit an auth config (a JSON merge patch); send If-Match with the ETag you read to refuse lost updates (412)")
    @APIResponseSchema(value = AuthConfigView.class, responseDescription = "The auth config as changed, its new version as ETag")
    @APIResponse(responseCode = "409", description = "The new name is taken, or a destination changes without its secrets")
    @APIResponse(responseCode = "412", description = "The auth config changed since the version If-Match names")
    public Uni<Response> update(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AuthConfigChanges changes) {
        return service.update(caller.get(), id, Versions.ifMatch(ifMatch), changes)
                .map(updated -> Versions.tagged(updated.version).entity(mapper.toView(updated)).build());
    }

    @POST
    @Path("/test")
    @Requires(Permission.TEST)
    @Operation(summary = "Test settings before saving them: checked as a create checks them, tested, nothing stored")
    @APIResponseSchema(value = TestResultView.class, responseDescription = "The outcome, passed or failed; no status")
    @APIResponse(responseCode = "429", description = "The tenant or the service runs as many tests as it may")
    public Uni<TestResultView> testDraft(@Valid @NotNull DraftAuthConfig draft) {
        return service.testDraft(caller.get(), draft).map(outcome -> new TestResultView(outcome, null));
    }

    @POST
    @Path("/{id}/test")
    @Requires(Permission.TEST)
    @Operation(summary = "Test against the real provider or system; the outcome is stored and sets the status. With a body"
            + " (the changes a PATCH takes), test the auth config as the edit would leave it instead: secrets left out are"
            + " the stored ones, bound to their destination; nothing is stored")
    @APIResponseSchema(value = TestResultView.class, responseDescription = "The outcome, passed or failed: as stored, or"
            + " for the changes (no status) when a body was sent")
    @APIResponse(responseCode = "429", description = "The tenant or the service runs as many tests as it may")
    public Uni<TestResultView> test(UUID id, @Valid AuthConfigChanges changes) {
        if (changes != null) {
            return service.testChanges(caller.get(), id, changes).map(outcome -> new TestResultView(outcome, null));
        }
        return service.test(caller.get(), id).map(tested -> new TestResultView(tested.lastTest, tested.status));
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.DELETE)
    @Operation(summary = "Delete an auth config that no connection uses (409 otherwise); its secret is destroyed")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Connections use the auth config")
    @APIResponse(responseCode = "503", description = "connected-apps-service did not confirm that no connection uses it")
    public Uni<Response> delete(UUID id) {
        return service.delete(caller.get(), id).map(done -> Response.noContent().build());
    }
}
