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

/** auth-config-service's public API: the catalog, auth configs, and how it sees the caller. */
@RegisterRestClient(configKey = "auth-config-service")
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AuthConfigsApi {

    @GET
    @Path("/caller")
    Map<String, Object> caller();

    @GET
    @Path("/catalog")
    Map<String, Object> catalog(@QueryParam("q") String text, @QueryParam("category") String category,
            @QueryParam("authType") String authType, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/catalog/{key}")
    Map<String, Object> entry(@PathParam("key") String key);

    @GET
    @Path("/catalog/{key}/actions")
    List<Map<String, Object>> actions(@PathParam("key") String key);

    @GET
    @Path("/catalog/custom")
    Map<String, Object> customSchemes();

    @GET
    @Path("/auth-configs")
    Map<String, Object> list(@QueryParam("q") String text, @QueryParam("category") String category,
            @QueryParam("provider") String provider, @QueryParam("status") String status, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor);

    @GET
    @Path("/auth-configs/{id}")
    Map<String, Object> get(@PathParam("id") String id);

    @POST
    @Path("/auth-configs")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> create(Map<String, Object> authConfig);

    @PATCH
    @Path("/auth-configs/{id}")
    @Consumes("application/merge-patch+json")
    Map<String, Object> update(@PathParam("id") String id, @HeaderParam("If-Match") String version,
            Map<String, Object> changes);

    /** Tests settings before they are saved; nothing is stored. */
    @POST
    @Path("/auth-configs/test")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> testDraft(Map<String, Object> draft);

    @POST
    @Path("/auth-configs/{id}/test")
    Map<String, Object> test(@PathParam("id") String id);

    /** Tests the auth config as these changes (a PATCH's) would leave it; nothing is stored. */
    @POST
    @Path("/auth-configs/{id}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> testChanges(@PathParam("id") String id, Map<String, Object> changes);

    @DELETE
    @Path("/auth-configs/{id}")
    void delete(@PathParam("id") String id);
}
