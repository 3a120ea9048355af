package dev.latchkey.console.rest;

import dev.latchkey.console.client.AuditApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;

/** The audit log: filters, pages, the hash chain's verification as a badge, and the export as a download. */
@Path("/audit")
public class AuditPage {

    private final AuditApi api;
    private final Template audit;

    public AuditPage(@RestClient AuditApi api, Template audit) {
        this.api = api;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetId") String targetId, @QueryParam("outcome") String outcome, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor) {
        return audit.data("page", api.list(Pages.blankToNull(actor), Pages.blankToNull(action), Pages.blankToNull(targetId),
                        Pages.blankToNull(outcome), instant(from), instant(to), Pages.blankToNull(cursor), 50))
                .data("actor", actor).data("action", action).data("targetId", targetId).data("outcome", outcome)
                .data("from", from).data("to", to);
    }

    /**
     * The chain's verification, a badge htmx loads once the page is shown: it reads the tenant's whole log, so the list
     * does not wait for it.
     */
    @GET
    @Path("/verification")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance verification() {
        return audit.getFragment("verification").data("verification", api.verify());
    }

    /** The same filters' events as NDJSON or CSV, streamed from audit-service to the browser as a file. */
    @GET
    @Path("/export")
    public Response export(@QueryParam("format") String format, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("targetId") String targetId,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to) {
        String chosen = "csv".equals(format) ? "csv" : "ndjson";
        Response exported = api.export(chosen, Pages.blankToNull(actor), Pages.blankToNull(action),
                Pages.blankToNull(targetId), Pages.blankToNull(outcome), instant(from), instant(to));
        return Response.ok(exported.readEntity(InputStream.class), exported.getMediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events." + chosen + "\"").build();
    }

    /** A date-time input's value ({@code 2026-12-07T10:15}) as the API's instant, read as UTC. */
    private static String instant(String local) {
        String value = Pages.blankToNull(local);
        return value == null || value.endsWith("Z") ? value : value + (value.length() == 16 ? ":00Z" : "Z");
    }
}
