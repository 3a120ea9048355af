package dev.latchkey.audit.rest;

import dev.latchkey.audit.config.AuditConfig;
import dev.latchkey.audit.service.RetentionPeriods;
import dev.latchkey.platform.security.CurrentCaller;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How long the caller's tenant keeps its audit log: admins set it, readers of the log see it. */
@Path("/api/v1/audit-events/retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetentionResource {

    /** A tenant's retention; {@code tenantDefault} when it is the platform's default, not the tenant's own. */
    public record Retention(int days, boolean tenantDefault) {
    }

    /**
     * A new retention period, from {@code MINIMUM_DAYS} to ten years. The floor keeps an admin (or a stolen
     * admin token) from wiping the trail of what was just done by setting a day and waiting for the next run.
     */
    public record NewRetention(@NotNull @Min(value = MINIMUM_DAYS, message = "must be at least " + MINIMUM_DAYS + " days")
                               @Max(3650) Integer days) {
    }

    static final int MINIMUM_DAYS = 30;

    private final RetentionPeriods periods;
    private final AuditConfig config;
    private final CurrentCaller caller;

    public RetentionResource(RetentionPeriods periods, AuditConfig config, CurrentCaller caller) {
        this.periods = periods;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Requires(Permission.READ_AUDIT)
    @Operation(summary = "How many days the tenant's audit events are kept")
    public Uni<Retention> get() {
        return periods.days(caller.get().tenant()).map(days -> days == null
                ? new Retention((int) config.retention().toDays(), true) : new Retention(days, false));
    }

    @PUT
    @Requires(Permission.ADMINISTER)
    @Operation(summary = "Set how many days the tenant's audit events are kept; older ones are deleted at the next"
            + " retention run, the hash chain staying verifiable across the cut")
    public Uni<Retention> set(@Valid @NotNull NewRetention retention) {
        return periods.set(caller.get(), retention.days()).replaceWith(new Retention(retention.days(), false));
    }
}
