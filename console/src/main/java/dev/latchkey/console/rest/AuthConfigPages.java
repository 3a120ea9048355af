package dev.latchkey.console.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.form.FormField;
import dev.latchkey.console.client.ApiProblem;
import dev.latchkey.console.client.AuthConfigsApi;
import dev.latchkey.console.client.ConnectionsApi;
import dev.latchkey.console.security.CsrfTokens;
import dev.latchkey.console.service.AuthConfigForms;
import dev.latchkey.console.service.AuthConfigForms.Kind;
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
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Auth Configs: the list, the type picker, the form of each kind, a config's page with Test, Edit and Delete. */
@Path("/auth-configs")
@Produces(MediaType.TEXT_HTML)
public class AuthConfigPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthConfigsApi api;
    private final ConnectionsApi connections;
    private final AuthConfigForms forms;
    private final CsrfTokens csrf;
    private final Template authConfigs;
    private final Template authConfigNew;
    private final Template authConfigForm;
    private final Template authConfig;
    private final Template authConfigDelete;
    private final Template testResult;

    public AuthConfigPages(@RestClient AuthConfigsApi api, @RestClient ConnectionsApi connections, AuthConfigForms forms,
            CsrfTokens csrf, Template authConfigs, Template authConfigNew, Template authConfigForm, Template authConfig,
            Template authConfigDelete, Template testResult) {
        this.api = api;
        this.connections = connections;
        this.forms = forms;
        this.csrf = csrf;
        this.authConfigs = authConfigs;
        this.authConfigNew = authConfigNew;
        this.authConfigForm = authConfigForm;
        this.authConfig = authConfig;
        this.authConfigDelete = authConfigDelete;
        this.testResult = testResult;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String text, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        String order = Pages.blankToNull(sort) == null ? "-createdAt" : sort;
        return authConfigs.data("page", api.list(Pages.blankToNull(text), Pages.blankToNull(category), null,
                        Pages.blankToNull(status), order, Pages.blankToNull(cursor)))
                .data("q", text).data("category", category).data("status", status).data("sort", order);
    }

    /** The type picker: an app of the gallery, a native connector, or a custom scheme. */
    @GET
    @Path("/new")
    public TemplateInstance pick() {
        return authConfigNew.data("custom", forms.kinds(AuthConfigForms.CUSTOM));
    }

    @GET
    @Path("/new/{provider}")
    public TemplateInstance create(@PathParam("provider") String provider, @QueryParam("type") String type) {
        Kind kind = forms.kind(provider, type);
        return form(kind, null, kind.initialValues(), Map.of(), null)
                .data("kinds", forms.kinds(provider)).data("name", kind.providerName());
    }

    @POST
    @Path("/new/{provider}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("provider") String provider, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Kind kind = forms.kind(provider, form.getFirst("type"));
        Map<String, Object> body = settings(kind, form);
        ObjectNode config = (ObjectNode) body.get("config");
        body.put("name", Pages.first(form, "name"));
        body.put("environment", Pages.first(form, "environment"));
        body.put("description", Pages.first(form, "description"));
        body.put(SecretsEnd.FIELD, SecretsEnd.of(form));
        try {
            Map<String, Object> created = api.create(body);
            return Pages.seeOther("/auth-configs/" + created.get("id") + "?created=true");
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(400);
            return Response.status(400).entity(form(kind, null, config, problem.fieldErrors(), problem.detail())
                    .data("kinds", forms.kinds(provider)).data("name", Pages.first(form, "name"))
                    .data("environment", Pages.first(form, "environment"))
                    .data("description", Pages.first(form, "description"))
                    .data("secretExpiresAt", Pages.first(form, SecretsEnd.FIELD))).build();
        }
    }

    /** "Test" on the new auth config's form: its settings as typed, tested, nothing saved; htmx shows the result. */
    @POST
    @Path("/new/{provider}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance testDraft(@PathParam("provider") String provider, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Kind kind = forms.kind(provider, form.getFirst("type"));
        return tested(() -> api.testDraft(settings(kind, form)));
    }

    /**
     * "Test" on the edit form: the auth config as the edit would leave it (a secret left blank is the stored one, sent
     * only where it is bound), tested, nothing saved; htmx shows the result.
     */
    @POST
    @Path("/{id}/edit/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance testEdit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Kind kind = forms.of(api.get(id));
        return tested(() -> api.testChanges(id, changes(kind, form)));
    }

    /** A test's result; settings the test refuses are its failure, with the fields it needs first. */
    private TemplateInstance tested(Supplier<Map<String, Object>> test) {
        try {
            return testResult.data("result", test.get());
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(400);
            // In the result's place: the form itself is not sent back.
            String fields = problem.fieldErrors().entrySet().stream().map(error -> error.getKey() + " " + error.getValue())
                    .collect(Collectors.joining("; "));
            return testResult.data("result", Map.of("tested", true, "ok", false, "message", problem.detail() + " " + fields));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance get(@PathParam("id") String id, @QueryParam("created") boolean created) {
        return authConfig.data("config", api.get(id)).data("created", created)
                .data("connections", connections.list(null, null, id, null));
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        Map<String, Object> existing = api.get(id);
        Kind kind = forms.of(existing);
        return form(kind, existing, JSON.valueToTree(existing.get("config")), Map.of(), null)
                .data("name", existing.get("name")).data("description", existing.get("description"))
                .data("secretExpiresAt", SecretsEnd.day(existing));
    }

    /** Saves the edit as a merge patch at the version the form was read at; a secret left blank stays as it is. */
    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Map<String, Object> existing = api.get(id);
        Kind kind = forms.of(existing);
        Map<String, Object> changes = changes(kind, form);
        SecretsEnd.addChange(changes, existing, form);
        try {
            api.update(id, "\"" + form.getFirst("version") + "\"", changes);
            return Pages.seeOther("/auth-configs/" + id);
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(400, 409, 412);
            ObjectNode config = (ObjectNode) changes.get("config");
            return Response.status(problem.status()).entity(form(kind, existing, config, problem.fieldErrors(),
                    problem.detail()).data("name", Pages.first(form, "name"))
                    .data("description", Pages.first(form, "description"))
                    .data("secretExpiresAt", Pages.first(form, SecretsEnd.FIELD))).build();
        }
    }

    /** Runs the auth config's test; htmx puts the result in place, so the page stays where it is. */
    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance test(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        return testResult.data("result", api.test(id));
    }

    /** The confirmation, saying how many connections use it (the service refuses the delete while any does). */
    @GET
    @Path("/{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") String id) {
        return authConfigDelete.data("config", api.get(id)).data("problem", null);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        try {
            api.delete(id);
            return Pages.seeOther("/auth-configs");
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(409);
            return Response.status(409).entity(authConfigDelete.data("config", api.get(id)).data("problem", problem)).build();
        }
    }

    private static Map<String, Object> settings(Kind kind, MultivaluedMap<String, String> form) {
        return kind.settings(Pages.part(form, "config"), Pages.part(form, "secrets"));
    }

    /** The edit form as a merge patch: the fields as typed, and only the secrets typed (a blank one stays as it is). */
    private static Map<String, Object> changes(Kind kind, MultivaluedMap<String, String> form) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("name", Pages.first(form, "name"));
        changes.put("description", Pages.first(form, "description"));
        changes.put("config", kind.config(Pages.part(form, "config")));
        ObjectNode secrets = kind.secrets(Pages.part(form, "secrets"));
        if (!secrets.isEmpty()) {
            changes.put("secrets", secrets);
        }
        return changes;
    }

    private TemplateInstance form(Kind kind, Map<String, Object> existing, ObjectNode values, Map<String, String> errors,
            String problem) {
        List<FormField> fields = kind.fields(values);
        Map<String, String> elsewhere = new TreeMap<>(errors);
        elsewhere.keySet().removeAll(List.of("name", "description", "environment", SecretsEnd.FIELD));
        fields.forEach(field -> elsewhere.remove(field.path()));
        return authConfigForm.data("kind", kind).data("existing", existing).data("fields", fields)
                .data("errors", errors).data("elsewhere", elsewhere).data("problem", problem).data("kinds", List.of(kind))
                .data("environment", existing == null ? null : existing.get("environment"));
    }
}
