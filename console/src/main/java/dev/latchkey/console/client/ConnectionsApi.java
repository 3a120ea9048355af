package dev.latchkey.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** connected-apps-service's public API: connections, and where connect links may send users back. */
@RegisterRestClient(configKey = "connected-apps-service")
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ConnectionsApi {

    @GET
    @Path("/connections")
    Map<String, Object> list(@QueryParam("environment") String environment, @QueryParam("status") String status,
            @QueryParam("authConfigId") String authConfigId, @QueryParam("cursor") String cursor);

    @GET
    @Path("/connections/{id}")
    Map<String, Object> get(@PathParam("id") String id);

    @POST
    @Path("/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> create(Map<String, Object> connection);

    @POST
    @Path("/connections/{id}/test")
    Map<String, Object> test(@PathParam("id") String id);

    @POST
    @Path("/connections/{id}/reauthorize")
    Map<String, Object> reauthorize(@PathParam("id") String id);

    @DELETE
    @Path("/connections/{id}")
    void delete(@PathParam("id") String id);

    @GET
    @Path("/connect-sessions/allowed-origins")
    Map<String, Object> allowedOrigins();

    @PUT
    @Path("/connect-sessions/allowed-origins")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> replaceAllowedOrigins(Map<String, Object> origins);
}
