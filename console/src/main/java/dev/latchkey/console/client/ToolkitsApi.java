package dev.latchkey.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** connected-apps-service's toolkits: connections' catalog actions offered to agents, and their tokens. */
@RegisterRestClient(configKey = "connected-apps-service")
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/api/v1/toolkits")
@Produces(MediaType.APPLICATION_JSON)
public interface ToolkitsApi {

    @GET
    Map<String, Object> list(@QueryParam("cursor") String cursor);

    @GET
    @Path("/{id}")
    Map<String, Object> get(@PathParam("id") String id);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> create(Map<String, Object> toolkit);

    /** Changes what {@code changes} names, at the version {@code version} (an ETag) names. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> update(@PathParam("id") String id, @HeaderParam("If-Match") String version,
            Map<String, Object> changes);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);

    @GET
    @Path("/{id}/tokens")
    List<Map<String, Object>> tokens(@PathParam("id") String id);

    /** Issues a token; its value is in this answer only. */
    @POST
    @Path("/{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> issue(@PathParam("id") String id, Map<String, Object> token);

    @DELETE
    @Path("/{id}/tokens/{tokenId}")
    void revoke(@PathParam("id") String id, @PathParam("tokenId") String tokenId);
}
