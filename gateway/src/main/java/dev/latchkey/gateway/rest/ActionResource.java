package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.gateway.service.ActionRuns;
import dev.latchkey.gateway.service.CallsInFlight;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/**
 * A connection's catalog actions, for workflows: what they are, and running one with a JSON input. Running one needs
 * the {@code connections:call} role, as a call through the proxy does; its credentials are applied, never shown. Under
 * the gateway's own prefix: an Ingress routes by path prefix, and {@code /api/v1/connections} is connected-apps-service's.
 */
@Path("/api/v1/actions/{connectionId}")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final ActionRuns runs;
    private final CallsInFlight inFlight;
    private final CurrentCaller caller;

    public ActionResource(ActionRuns runs, CallsInFlight inFlight, CurrentCaller caller) {
        this.runs = runs;
        this.inFlight = inFlight;
        this.caller = caller;
    }

    @GET
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = "List the connection's actions", description = "Each action of the connection's catalog entry with"
            + " its description, hints (read-only, destructive, idempotent) and input and output JSON Schemas; none for a"
            + " connection of a custom auth config.")
    public Uni<List<ActionView>> list(@PathParam("connectionId") UUID connectionId) {
        return runs.of(caller.get(), connectionId).map(actions -> actions.stream().map(ActionView::of).toList());
    }

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CALL_THROUGH)
    @Operation(summary = "Run one of the connection's actions", description = "Checks the JSON input against the action's"
            + " input schema (400 with field errors), makes the action's request to the connection's API with its"
            + " credentials applied (refreshed when due, once more after a 401), and answers the action's output. A"
            + " provider that does not carry it out is a 502 problem quoting its status and answer. Every run is an"
            + " access.action_run event in the audit log, each exchange an access.proxied one.")
    public Uni<ObjectNode> run(@PathParam("connectionId") UUID connectionId, @PathParam("action") String action, JsonNode input) {
        var who = caller.get();
        CallsInFlight.Place place = inFlight.enter(who.tenant(), connectionId);
        return runs.run(who, connectionId, action, input, null).eventually(place::release);
    }
}
