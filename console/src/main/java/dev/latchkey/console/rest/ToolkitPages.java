package dev.latchkey.console.rest;

import dev.latchkey.console.client.ApiProblem;
import dev.latchkey.console.client.AuthConfigsApi;
import dev.latchkey.console.client.ConnectionsApi;
import dev.latchkey.console.client.ToolkitsApi;
import dev.latchkey.console.security.CsrfTokens;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    private final Template toolkitEdit;

    public ToolkitPages(@RestClient ToolkitsApi api, @RestClient ConnectionsApi connections, @RestClient AuthConfigsApi catalog,
            CsrfTokens csrf, Template toolkits, Template toolkitNew, Template toolkit, Template toolkitEdit) {
        this.api = api;
        this.connections = connections;
        this.catalog = catalog;
        this.csrf = csrf;
        this.toolkits = toolkits;
        this.toolkitNew = toolkitNew;
        this.toolkit = toolkit;
        this.toolkitEdit = toolkitEdit;
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
        Map<String, Object> body = new HashMap<>();
        body.put("name", Pages.first(form, "name"));
        body.put("description", Pages.first(form, "description"));
        body.put("readOnly", form.containsKey("readOnly"));
        body.put("members", List.of(member(connectionId, form.getOrDefault("actions", List.of()))));
        try {
            return Pages.seeOther("/toolkits/" + api.create(body).get("id"));
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(400, 409);
            return Response.status(problem.status()).entity(form(connectionId, problem.fieldErrors(), problem.detail(), form))
                    .build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance get(@PathParam("id") String id) {
        return page(id, null);
    }

    /** Changing a toolkit: its name, description, read-only flag, and which connections' actions it offers. */
    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        Map<String, Object> existing = api.get(id);
        return editForm(existing, existing, Map.of(), null);
    }

    /**
     * Saves the edit at the version the form was read at: members unticked as removed are left out, each kept one offers
     * the actions ticked for it, and a connection chosen to add offers every action of its app.
     */
    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        List<String> removed = form.getOrDefault("remove", List.of());
        List<Map<String, Object>> members = new ArrayList<>();
        for (String connectionId : form.getOrDefault("member", List.of())) {
            if (!removed.contains(connectionId)) {
                members.add(member(connectionId, form.getOrDefault("actions." + connectionId, List.of())));
            }
        }
        String added = Pages.first(form, "add");
        if (added != null) {
            members.add(member(added, List.of()));
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("name", Pages.first(form, "name"));
        changes.put("description", form.getFirst("description") == null ? "" : form.getFirst("description").strip());
        changes.put("readOnly", form.containsKey("readOnly"));
        changes.put("members", members);
        try {
            api.update(id, "\"" + form.getFirst("version") + "\"", changes);
            return Pages.seeOther("/toolkits/" + id);
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(400, 409, 412);
            return Response.status(problem.status()).entity(editForm(api.get(id), changes, problem.fieldErrors(),
                    problem.detail())).build();
        }
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
        Map<String, Object> shown = api.get(id);
        return toolkit.data("toolkit", shown).data("members", members(shown)).data("tokens", api.tokens(id))
                .data("issued", issued);
    }

    /** The edit form, showing {@code shown}'s fields (the toolkit's own, or the ones a refused edit sent). */
    private TemplateInstance editForm(Map<String, Object> existing, Map<String, Object> shown, Map<String, String> errors,
            String problem) {
        List<Member> members = members(shown);
        Set<Object> inToolkit = members.stream().map(member -> member.connection().get("id")).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> active = (List<Map<String, Object>>) connections.list(null, "ACTIVE", null, null).get("items");
        List<Map<String, Object>> addable = active.stream()
                .filter(connection -> connection.get("provider") != null && !inToolkit.contains(connection.get("id"))).toList();
        return toolkitEdit.data("toolkit", existing).data("shown", shown).data("members", members).data("addable", addable)
                .data("errors", errors).data("problem", problem);
    }

    /** A toolkit's members with their connections and their apps' catalog actions (each app's read once). */
    @SuppressWarnings("unchecked")
    private List<Member> members(Map<String, Object> toolkit) {
        Map<String, List<Map<String, Object>>> actionsOfApp = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (Map<String, Object> member : (List<Map<String, Object>>) toolkit.get("members")) {
            Map<String, Object> connection = connections.get(member.get("connectionId").toString());
            Object provider = connection.get("provider");
            List<Map<String, Object>> actions = provider == null ? List.of()
                    : actionsOfApp.computeIfAbsent(provider.toString(), catalog::actions);
            members.add(new Member(connection, actions, (List<String>) member.get("actions")));
        }
        return members;
    }

    /** A toolkit's member: {@code picked} is null when it offers every action of its app. */
    @TemplateData
    public record Member(Map<String, Object> connection, List<Map<String, Object>> actions, List<String> picked) {

        public boolean offers(String action) {
            return picked != null && picked.contains(action);
        }
    }

    /** A member as the API takes it; none ticked is every action (then also the ones the catalog adds later). */
    private static Map<String, Object> member(String connectionId, List<String> picked) {
        Map<String, Object> member = new HashMap<>();
        member.put("connectionId", connectionId);
        member.put("actions", picked.isEmpty() ? null : picked);
        return member;
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
                .data("readOnly", typed != null && typed.containsKey("readOnly"))
                .data("picked", typed == null ? List.of() : typed.getOrDefault("actions", List.of()));
    }
}
