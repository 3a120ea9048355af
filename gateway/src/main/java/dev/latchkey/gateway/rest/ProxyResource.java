package dev.latchkey.gateway.rest;

import dev.latchkey.gateway.client.ProviderAnswer;
import dev.latchkey.gateway.service.CallsInFlight;
import dev.latchkey.gateway.service.CallsThrough;
import dev.latchkey.gateway.service.Forwarding;
import dev.latchkey.gateway.service.IncomingCall;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestMulti;

import java.util.UUID;

/**
 * Calls a connection's API with its credentials applied: {@code ANY /api/v1/proxy/{connectionId}/{path}} becomes
 * {@code ANY <the API's base URL>/{path}} with the caller's query, headers and body, and the provider's status,
 * headers and body come back as they are, streamed. Needs the {@code connections:call} role, never the secret. No
 * {@code @Produces}: the answer's type is the provider's.
 */
@Path("/api/v1/proxy/{connectionId}")
public class ProxyResource {

    private static final String SUMMARY = "Call the connection's API, its credentials applied";
    private static final String DESCRIPTION = "Passes the request on to the API's base URL plus {path}, with the"
            + " caller's query, headers (but its own Authorization and cookies) and body, and the connection's credentials"
            + " where its scheme puts them; answers with the provider's status, headers and body. Every call is an"
            + " access.proxied event in the audit log.";

    private final CallsThrough calls;
    private final CallsInFlight inFlight;
    private final CallBodies bodies;
    private final CurrentCaller caller;

    public ProxyResource(CallsThrough calls, CallsInFlight inFlight, CallBodies bodies, CurrentCaller caller) {
        this.calls = calls;
        this.inFlight = inFlight;
        this.bodies = bodies;
        this.caller = caller;
    }

    @GET
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> get(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("GET", connectionId, routing);
    }

    @HEAD
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> head(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("HEAD", connectionId, routing);
    }

    @OPTIONS
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> options(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("OPTIONS", connectionId, routing);
    }

    @DELETE
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> delete(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("DELETE", connectionId, routing);
    }

    @POST
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> post(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("POST", connectionId, routing);
    }

    @PUT
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> put(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("PUT", connectionId, routing);
    }

    @PATCH
    @Path("{path: .*}")
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    public RestMulti<byte[]> patch(@PathParam("connectionId") UUID connectionId, @Context RoutingContext routing) {
        return call("PATCH", connectionId, routing);
    }

    /**
     * An answer that fails once it has started (past the cap, past the deadline, the provider gone) cannot become a
     * problem any more: its connection is closed, so the caller cannot take what it got for the whole answer. The call
     * holds its place among the connection's calls in flight until its answer has ended, however it ended.
     */
    private RestMulti<byte[]> call(String method, UUID connectionId, RoutingContext routing) {
        Caller who = caller.get();
        CallsInFlight.Place place = inFlight.enter(who.tenant(), connectionId);
        routing.addEndHandler(ended -> place.release());
        HttpServerRequest request = routing.request();
        Uni<ProviderAnswer> answer = bodies.of(routing).chain(body -> calls.call(who, connectionId,
                new IncomingCall(method, pathUnderApi(request.path()), request.query(), request.headers(), body)));
        return RestMulti.fromUniResponse(answer,
                provider -> provider.body().map(Buffer::getBytes).onFailure().invoke(failure -> routing.response().close()),
                provider -> Forwarding.toCaller(provider.headers()),
                ProviderAnswer::status);
    }

    /** What follows {@code /api/v1/proxy/{connectionId}}, as sent. */
    private static String pathUnderApi(String rawPath) {
        int connection = rawPath.indexOf('/', "/api/v1/proxy/".length());
        return connection < 0 ? "" : rawPath.substring(connection);
    }
}
