package dev.latchkey.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** audit-service's public API: the tenant's log, its export and its chain's verification. */
@RegisterRestClient(configKey = "audit-service")
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/api/v1/audit-events")
public interface AuditApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetId") String targetId, @QueryParam("outcome") String outcome, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> verify();

    @GET
    @Path("/retention")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> retention();

    @PUT
    @Path("/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> changeRetention(Map<String, Object> retention);

    /** The export streamed as the service sends it (NDJSON or CSV), for the browser to save. */
    @GET
    @Path("/export")
    Response export(@QueryParam("format") String format, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("targetId") String targetId,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to);
}
