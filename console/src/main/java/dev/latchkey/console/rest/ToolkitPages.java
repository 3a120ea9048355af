package dev.latchkey.console.rest;

import dev.latchkey.console.client.ApiProblem;
import dev.latchkey.console.client.AuthConfigsApi;
import dev.latchkey.console.client.ConnectionsApi;
import dev.latchkey.console.client.ToolkitsApi;
import dev.latchkey.console.security.CsrfTokens;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Toolkits: made from a connection with the catalog actions picked for it, and their tokens, issued (the value shown
 * once, on the answer's page) and revoked. Agents reach a toolkit's actions as MCP tools with a token.
 */
@Path("/toolkits")
@Produces(MediaType.TEXT_HTML)
public class ToolkitPages {

    private final ToolkitsApi api;
    private final ConnectionsApi connections;
    private final AuthConfigsApi catalog;
    private final CsrfTokens csrf;
    private final Template toolkits;
    private final Template toolkitNew;
    private final Template toolkit;

    public ToolkitPages(@RestClient ToolkitsApi api, @RestClient ConnectionsApi connections, @RestClient AuthConfigsApi catalog,
            CsrfTokens csrf, Template toolkits, Template toolkitNew, Template toolkit) {
        this.api = api;
        this.connections = connections;
        this.catalog = catalog;
        this.csrf = csrf;
        this.toolkits = toolkits;
        this.toolkitNew = toolkitNew;
        this.toolkit = toolkit;
    }

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return toolkits.data("page", api.list(Pages.blankToNull(cursor)));
    }

    /** "Create App Toolkit": which connection, then which of its app's actions. */
    @GET
    @Path("/new")
    public TemplateInstance create(@QueryParam("connectionId") String connectionId) {
        return form(Pages.blankToNull(connectionId), Map.of(), null, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        String connectionId = Pages.first(form, "connectionId");
        Map<String, Object> member = new HashMap<>();
        member.put("connectionId", connectionId);
        List<String> picked = form.getOrDefault("actions", List.of());
        // None ticked: every action of the app (the toolkit then offers actions the catalog adds later, too).
        member.put("actions", picked.isEmpty() ? null : picked);
        Map<String, Object> body = new HashMap<>();
        body.put("name", Pages.first(form, "name"));
        body.put("description", Pages.first(form, "description"));
        body.put("readOnly", form.containsKey("readOnly"));
        body.put("members", List.of(member));
        try {
            return Pages.seeOther("/toolkits/" + api.create(body).get("id"));
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            return Response.status(problem.status()).entity(form(connectionId, problem.fieldErrors(), problem.detail(), form))
                    .build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance get(@PathParam("id") String id) {
        return page(id, null);
    }

    /** Issues a token and shows its value on this answer only: the service keeps nothing but its hash. */
    @POST
    @Path("/{id}/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Map<String, Object> request = new HashMap<>();
        request.put("name", Pages.first(form, "name"));
        String days = Pages.first(form, "expiresInDays");
        request.put("expiresInDays", days != null && days.matches("\\d{1,4}") ? Integer.valueOf(days) : null);
        Map<String, Object> issued = api.issue(id, request);
        return Response.ok(page(id, issued)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/tokens/{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @PathParam("tokenId") String tokenId,
            MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        api.revoke(id, tokenId);
        return Pages.seeOther("/toolkits/" + id);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        api.delete(id);
        return Pages.seeOther("/toolkits");
    }

    private TemplateInstance page(String id, Map<String, Object> issued) {
        return toolkit.data("toolkit", api.get(id)).data("tokens", api.tokens(id)).data("issued", issued);
    }

    private TemplateInstance form(String connectionId, Map<String, String> errors, String problem,
            MultivaluedMap<String, String> typed) {
        Map<String, Object> chosen = connectionId == null ? null : connections.get(connectionId);
        Object provider = chosen == null ? null : chosen.get("provider");
        return toolkitNew.data("chosen", chosen)
                .data("connections", chosen == null ? connections.list(null, "ACTIVE", null, null).get("items") : List.of())
                .data("actions", provider == null ? List.of() : catalog.actions(provider.toString()))
                .data("errors", errors).data("problem", problem)
                .data("name", typed == null ? null : typed.getFirst("name"))
                .data("description", typed == null ? null : typed.getFirst("description"))
                .data("picked", typed == null ? List.of() : typed.getOrDefault("actions", List.of()));
    }
}
