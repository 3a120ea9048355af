package dev.latchkey.console.rest;

import dev.latchkey.console.client.ApiProblem;
import dev.latchkey.console.client.AuditApi;
import dev.latchkey.console.client.AuthConfigsApi;
import dev.latchkey.console.client.ConnectionsApi;
import dev.latchkey.console.security.CsrfTokens;
import dev.latchkey.console.service.AuthConfigForms;
import dev.latchkey.console.service.AuthConfigForms.Kind;
import dev.latchkey.console.service.SignedInUser;
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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Connected Apps: the list per environment, connecting an auth config, a connection's page with its recent audit. */
@Path("/connections")
@Produces(MediaType.TEXT_HTML)
public class ConnectionPages {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final ConnectionsApi api;
    private final AuthConfigsApi authConfigs;
    private final AuditApi audit;
    private final AuthConfigForms forms;
    private final SignedInUser user;
    private final CsrfTokens csrf;
    private final Template connections;
    private final Template connectionNew;
    private final Template connection;
    private final Template testResult;

    public ConnectionPages(@RestClient ConnectionsApi api, @RestClient AuthConfigsApi authConfigs, @RestClient AuditApi audit,
            AuthConfigForms forms, SignedInUser user, CsrfTokens csrf, Template connections, Template connectionNew,
            Template connection, Template testResult) {
        this.api = api;
        this.authConfigs = authConfigs;
        this.audit = audit;
        this.forms = forms;
        this.user = user;
        this.csrf = csrf;
        this.connections = connections;
        this.connectionNew = connectionNew;
        this.connection = connection;
        this.testResult = testResult;
    }

    @GET
    public TemplateInstance list(@QueryParam("environment") String environment, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor) {
        return connections.data("page", api.list(Pages.blankToNull(environment), Pages.blankToNull(status), null,
                        Pages.blankToNull(cursor)))
                .data("environment", environment).data("status", status);
    }

    /** The connect dialog: which auth config (or a link to make one), the environment, a name, and any key of its own. */
    @GET
    @Path("/new")
    public TemplateInstance connect(@QueryParam("authConfigId") String authConfigId, @QueryParam("provider") String provider) {
        return dialog(authConfigId, Pages.blankToNull(provider), Map.of(), null, null, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        String authConfigId = Pages.first(form, "authConfigId");
        Map<String, Object> body = new HashMap<>();
        body.put("authConfigId", authConfigId);
        body.put("environment", Pages.first(form, "environment"));
        body.put("name", Pages.first(form, "name"));
        if (authConfigId != null) {
            Kind kind = forms.of(authConfigs.get(authConfigId));
            var credentials = kind.secrets(Pages.part(form, "credentials"));
            if (!credentials.isEmpty()) {
                body.put("credentials", credentials);
            }
        }
        try {
            Map<String, Object> created = createOnceKnown(body);
            if (created.get("authorizationUrl") != null) {
                // OAuth2: the page itself, with the link to the provider (only the answer to the create holds it). A
                // redirect from this form to the provider would be refused by the console's own form-action policy.
                return Response.ok(connection.data("connection", created).data("audit", null)).build();
            }
            return Pages.seeOther("/connections/" + created.get("id"));
        } catch (ApiProblem problem) {
            problem.throwUnlessOneOf(400);
            return Response.status(400).entity(dialog(authConfigId, null, problem.fieldErrors(), problem.detail(),
                    Pages.first(form, "name"), Pages.first(form, "environment"))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance get(@PathParam("id") String id) {
        Map<String, Object> shown = api.get(id);
        Object recent = user.can("READ_AUDIT") ? audit.list(null, null, id, null, null, null, null, 10).get("items") : null;
        return connection.data("connection", shown).data("audit", recent);
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance test(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Map<String, Object> tested = api.test(id);
        return testResult.data("result", tested.get("lastTest"));
    }

    /** A new authorization URL for an OAuth2 connection: its page shows the link to the provider again. */
    @POST
    @Path("/{id}/reauthorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reauthorize(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        Map<String, Object> shown = new HashMap<>(api.get(id));
        shown.put("authorizationUrl", api.reauthorize(id).get("authorizationUrl"));
        return connection.data("connection", shown).data("audit", null);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        api.delete(id);
        return Pages.seeOther("/connections");
    }

    /**
     * connected-apps-service learns of a new auth config from its event, within a second or so: a connection made at once
     * after the auth config (the console's "Connect" on its page) may find it not known yet. The auth config exists (the
     * form was read from it), so the console asks again for a few seconds before it shows the refusal.
     */
    private Map<String, Object> createOnceKnown(Map<String, Object> body) {
        long giveUp = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (true) {
            try {
                return api.create(body);
            } catch (ApiProblem problem) {
                boolean notKnownYet = body.get("authConfigId") != null && problem.status() == 400
                        && problem.fieldErrors().containsKey("authConfigId");
                if (!notKnownYet || System.nanoTime() > giveUp) {
                    throw problem;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private TemplateInstance dialog(String authConfigId, String provider, Map<String, String> errors, String problem, String name,
            String environment) {
        Map<String, Object> chosen = authConfigId == null ? null : authConfigs.get(authConfigId);
        return connectionNew.data("chosen", chosen)
                .data("fields", chosen == null ? List.of() : forms.of(chosen).fields(null).stream()
                        .filter(field -> field.secret()).toList())
                .data("authConfigs", chosen == null ? authConfigs.list(null, null, provider, null, "name", null).get("items") : List.of())
                .data("errors", errors).data("problem", problem)
                .data("name", name).data("environment", environment).data("provider", provider);
    }
}
