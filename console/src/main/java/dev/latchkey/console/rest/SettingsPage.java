package dev.latchkey.console.rest;

import dev.latchkey.console.client.ApiProblem;
import dev.latchkey.console.client.AuditApi;
import dev.latchkey.console.client.ConnectionsApi;
import dev.latchkey.console.security.CsrfTokens;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The tenant's settings, for admins: where connect links may send users back, and how long the audit log keeps entries. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    private final ConnectionsApi connections;
    private final AuditApi audit;
    private final CsrfTokens csrf;
    private final Template settings;

    public SettingsPage(@RestClient ConnectionsApi connections, @RestClient AuditApi audit, CsrfTokens csrf,
            Template settings) {
        this.connections = connections;
        this.audit = audit;
        this.csrf = csrf;
        this.settings = settings;
    }

    @GET
    public TemplateInstance show(@QueryParam("saved") String saved) {
        return page(null, Map.of(), null).data("saved", saved);
    }

    /** Replaces the allowed origins: one a line, as typed; the service checks each. */
    @POST
    @Path("/allowed-origins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response allowedOrigins(MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        String typed = form.getFirst("origins") == null ? "" : form.getFirst("origins");
        List<String> origins = Arrays.stream(typed.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        try {
            connections.replaceAllowedOrigins(Map.of("origins", origins));
            return Pages.seeOther("/settings?saved=origins");
        } catch (ApiProblem problem) {
            return refused(problem, typed);
        }
    }

    @POST
    @Path("/retention")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retention(MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        String days = Pages.first(form, "days");
        try {
            audit.changeRetention(Map.of("days", days != null && days.matches("\\d{1,9}") ? Integer.valueOf(days) : String.valueOf(days)));
            return Pages.seeOther("/settings?saved=retention");
        } catch (ApiProblem problem) {
            return refused(problem, null);
        }
    }

    private Response refused(ApiProblem problem, String typedOrigins) {
        problem.throwUnlessOneOf(400);
        return Response.status(400).entity(page(problem.detail(), problem.fieldErrors(), typedOrigins)).build();
    }

    private TemplateInstance page(String problem, Map<String, String> errors, String typedOrigins) {
        return settings.data("origins", connections.allowedOrigins()).data("retention", audit.retention())
                .data("problem", problem).data("errors", errors).data("typedOrigins", typedOrigins).data("saved", null);
    }
}
