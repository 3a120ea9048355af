package dev.latchkey.audit.rest;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.domain.AuditFilter;
import dev.latchkey.audit.repository.AuditQueries;
import dev.latchkey.audit.service.ChainVerifier;
import dev.latchkey.audit.service.ChainVerifier.Verification;
import dev.latchkey.platform.paging.Page;
import dev.latchkey.platform.paging.PageRequest;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.RestMulti;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The caller's tenant's audit log: admins and developers read it, viewers do not; nobody changes it. */
@Path("/api/v1/audit-events")
public class AuditEventResource {

    private static final int EXPORT_PAGE = 500;

    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final CurrentCaller caller;

    public AuditEventResource(AuditQueries queries, ChainVerifier verifier, CurrentCaller caller) {
        this.queries = queries;
        this.verifier = verifier;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.READ_AUDIT)
    @Operation(summary = "List audit events, newest first: filters by actor, action (or prefix such as connection.*), target,"
            + " outcome, environment and when they occurred; the cursor stays stable while events arrive")
    public Uni<Page<AuditEventView>> list(@BeanParam AuditQueryParameters parameters, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        AuditFilter filter = parameters.filter(caller.get().tenant(), errors);
        // A position is the log's sequence number of a page's last entry: entries before it come next.
        PageRequest<Long> paging = PageRequest.read(limit, cursor, Long::valueOf, errors);
        AuditQueryParameters.rejectIfAny(errors);
        return queries.page(filter, paging.after().orElse(null), paging.fetchSize())
                .map(rows -> paging.page(rows, (AuditEntry last) -> Long.toString(last.seq()), AuditEventView::of));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.READ_AUDIT)
    @Operation(summary = "One audit event, by its event id")
    public Uni<AuditEventView> get(UUID id) {
        return queries.find(caller.get().tenant(), id).map(entry -> {
            if (entry == null) {
                throw new NotFoundException("No audit event " + id + " in this tenant.");
            }
            return AuditEventView.of(entry);
        });
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.READ_AUDIT)
    @Operation(summary = "Check the tenant's hash chain over the events received in [from, to) (default: all of it);"
            + " names the first broken link")
    public Uni<Verification> verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant since = AuditQueryParameters.instant("from", from, errors);
        Instant until = AuditQueryParameters.instant("to", to, errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        AuditQueryParameters.rejectIfAny(errors);
        return verifier.verify(caller.get().tenant(), since == null ? Instant.EPOCH : since, until == null ? Instant.now().plusSeconds(1) : until);
    }

    @GET
    @Path("/export")
    @Requires(Permission.READ_AUDIT)
    @Operation(summary = "Stream the events a filter selects, newest first, as NDJSON (application/x-ndjson) or CSV"
            + " (text/csv), a page at a time from the database")
    @APIResponse(responseCode = "200", description = "The events, one per line", content = {
            @Content(mediaType = "application/x-ndjson"), @Content(mediaType = "text/csv")})
    public RestMulti<byte[]> export(@BeanParam AuditQueryParameters parameters, @QueryParam("format") String format) {
        List<FieldError> errors = new ArrayList<>();
        AuditFilter filter = parameters.filter(caller.get().tenant(), errors);
        AuditExport export = format(format, errors);
        AuditQueryParameters.rejectIfAny(errors);
        Multi<String> lines = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(export.header()).select().where(header -> !header.isEmpty()),
                queries.stream(filter, EXPORT_PAGE).map(export::line));
        // Bytes, so that no JSON writer quotes a line: each goes out exactly as the format wrote it.
        return RestMulti.fromMultiData(lines.map(line -> line.getBytes(StandardCharsets.UTF_8)))
                .encodeAsJsonArray(false)
                .header("Content-Type", export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"audit-events." + export.extension() + "\"")
                .build();
    }

    private static AuditExport format(String format, List<FieldError> errors) {
        try {
            return AuditExport.valueOf((format == null ? "ndjson" : format).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("format", "must be ndjson or csv"));
            return AuditExport.NDJSON;
        }
    }
}
