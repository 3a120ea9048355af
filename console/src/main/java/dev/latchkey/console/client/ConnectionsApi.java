package dev.latchkey.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** connected-apps-service's public API: connections. */
@RegisterRestClient(configKey = "connected-apps-service")
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
public interface ConnectionsApi {

    @GET
    Map<String, Object> list(@QueryParam("environment") String environment, @QueryParam("status") String status,
            @QueryParam("authConfigId") String authConfigId, @QueryParam("cursor") String cursor);

    @GET
    @Path("/{id}")
    Map<String, Object> get(@PathParam("id") String id);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> create(Map<String, Object> connection);

    @POST
    @Path("/{id}/test")
    Map<String, Object> test(@PathParam("id") String id);

    @POST
    @Path("/{id}/reauthorize")
    Map<String, Object> reauthorize(@PathParam("id") String id);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);
}
