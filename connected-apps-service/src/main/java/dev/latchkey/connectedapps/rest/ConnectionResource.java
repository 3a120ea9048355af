package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.repository.ConnectionFilter;
import dev.latchkey.connectedapps.service.ConnectionChanges;
import dev.latchkey.connectedapps.service.ConnectionCredentials;
import dev.latchkey.connectedapps.service.ConnectionService;
import dev.latchkey.connectedapps.service.ConnectionTester;
import dev.latchkey.connectedapps.service.CredentialsService;
import dev.latchkey.connectedapps.service.NewConnection;
import dev.latchkey.platform.paging.Keyset;
import dev.latchkey.platform.paging.Page;
import dev.latchkey.platform.paging.PageRequest;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.rest.Versions;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import dev.latchkey.probes.ProbeResult;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The connections of the caller's tenant. Every change and every credentials read is an event. */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    private final ConnectionService service;
    private final CredentialsService credentials;
    private final ConnectionTester tester;
    private final CurrentCaller caller;

    public ConnectionResource(ConnectionService service, CredentialsService credentials, ConnectionTester tester,
            CurrentCaller caller) {
        this.service = service;
        this.credentials = credentials;
        this.tester = tester;
        this.caller = caller;
    }

    @POST
    @Requires(Permission.CONNECT)
    @Operation(summary = "Make a connection from an auth config: OAuth2 authorization-code ones start PENDING with the URL"
            + " to authorize at, client-credentials ones fetch their token now, the rest take their credentials")
    @APIResponseSchema(value = ConnectionView.class, responseCode = "201", responseDescription = "Created, with its Location")
    @APIResponse(responseCode = "502", description = "The provider refused the auth config's client credentials")
    public Uni<Response> create(@Valid @NotNull NewConnection request) {
        return service.create(caller.get().tenant(), caller.get().actor(), request, request.redirectUri(), null).map(created -> Response
                .created(URI.create("/api/v1/connections/" + created.connection().id))
                .entity(ConnectionView.of(created.connection(), created.authorizationUrl())).build());
    }

    @GET
    @Requires(Permission.VIEW)
    @Operation(summary = "List connections, newest first: filters by app, auth config, environment, status, end user")
    public Uni<Page<ConnectionView>> list(@QueryParam("provider") String provider, @QueryParam("authConfigId") UUID authConfigId,
            @QueryParam("environment") String environment, @QueryParam("status") String status,
            @QueryParam("endUserId") String endUserId, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        ConnectionStatus wanted = status(status, errors);
        PageRequest<Keyset> paging = PageRequest.read(limit, cursor, Keyset::parseTimed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", errors);
        }
        var filter = new ConnectionFilter(caller.get().tenant(), provider, authConfigId, environment, wanted, endUserId,
                paging.after().orElse(null));
        return service.list(filter, paging.fetchSize()).map(rows -> paging.page(rows,
                (Connection last) -> new Keyset(last.createdAt, last.id).text(), ConnectionView::of));
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.VIEW)
    @Operation(summary = "One connection, its version as ETag")
    @APIResponseSchema(value = ConnectionView.class, responseDescription = "The connection, its version as ETag")
    public Uni<Response> get(UUID id) {
        return service.get(caller.get(), id).map(connection -> Versions.tagged(connection.version)
                .entity(ConnectionView.of(connection)).build());
    }

    @PATCH
    @Path("/{id}")
    @Requires(Permission.EDIT)
    @Operation(summary = "Rename a connection, replace its metadata, or replace a key-based connection's credentials (a"
            + " new secret version); ?test=true tests it afterwards, its status following the outcome; send If-Match with"
            + " the ETag you read to refuse lost updates (412)")
    @APIResponseSchema(value = ConnectionView.class, responseDescription = "The connection as changed, its new version as ETag")
    @APIResponse(responseCode = "409", description = "An OAuth2 connection's credentials come from its authorization")
    @APIResponse(responseCode = "412", description = "The connection changed since the version If-Match names")
    public Uni<Response> update(UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("test") boolean test,
            @Valid @NotNull ConnectionChanges changes) {
        Uni<Connection> updated = service.update(caller.get(), id, Versions.ifMatch(ifMatch), changes);
        return (test ? updated.chain(changed -> tester.test(caller.get(), id)) : updated)
                .map(connection -> Versions.tagged(connection.version).entity(ConnectionView.of(connection)).build());
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.DELETE)
    @Operation(summary = "Delete a connection: its token is revoked where the provider offers it, its secret destroyed")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(UUID id) {
        return service.delete(caller.get(), id).map(done -> Response.noContent().build());
    }

    /**
     * What {@code POST /{id}/reauthorize} answers: the URL the user authorizes the connection at again; null for a
     * client-credentials connection, which has a new token already.
     */
    public record Reauthorization(String authorizationUrl) {
    }

    @POST
    @Path("/{id}/reauthorize")
    @Requires(Permission.CONNECT)
    @Operation(summary = "Authorize the connection again: OAuth2 authorization code answers the URL to send the user to;"
            + " client credentials fetch a new token now")
    @APIResponseSchema(value = Reauthorization.class, responseDescription = "Where to authorize, or no URL when a new token is stored")
    @APIResponse(responseCode = "409", description = "The auth config is gone, or the connection is no OAuth2 one")
    @APIResponse(responseCode = "502", description = "The provider refused the auth config's client credentials")
    public Uni<Reauthorization> reauthorize(UUID id) {
        return service.reauthorize(caller.get(), id).map(Reauthorization::new);
    }

    @GET
    @Path("/{id}/credentials")
    @Requires(Permission.READ_CREDENTIALS)
    @Operation(summary = "The credentials to call the account with, valid now (a token about to expire is refreshed first);"
            + " every read is audited")
    @APIResponseSchema(value = ConnectionCredentials.class, responseDescription = "The credentials, valid now")
    @APIResponse(responseCode = "409", description = "The connection is not authorized (yet, or any more), or its auth config is gone")
    @APIResponse(responseCode = "502", description = "The provider failed to refresh the token")
    public Uni<ConnectionCredentials> credentials(UUID id) {
        return credentials.credentials(caller.get(), id);
    }

    @POST
    @Path("/test")
    @Requires(Permission.TEST)
    @Operation(summary = "Test a connection before making it: the body of a create, checked as a create checks it, tested"
            + " as a made connection is; nothing is stored")
    @APIResponseSchema(value = ProbeResult.class, responseDescription = "The outcome, passed, failed or nothing to test")
    @APIResponse(responseCode = "429", description = "The tenant or the service runs as many tests as it may")
    public Uni<ProbeResult> testDraft(@Valid @NotNull NewConnection request) {
        return service.testDraft(caller.get(), request);
    }

    @POST
    @Path("/{id}/test")
    @Requires(Permission.TEST)
    @Operation(summary = "Test the connection against its system (the catalog's test request or the native probe)")
    @APIResponseSchema(value = ConnectionView.class, responseDescription = "The connection with the test's outcome")
    @APIResponse(responseCode = "409", description = "The connection has no valid authorization to test")
    @APIResponse(responseCode = "429", description = "The tenant or the service runs as many tests as it may")
    public Uni<ConnectionView> test(UUID id) {
        return tester.test(caller.get(), id).map(ConnectionView::of);
    }

    private static ConnectionStatus status(String status, List<FieldError> errors) {
        if (status == null) {
            return null;
        }
        try {
            return ConnectionStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of PENDING, ACTIVE, EXPIRED, ERROR"));
            return null;
        }
    }
}
