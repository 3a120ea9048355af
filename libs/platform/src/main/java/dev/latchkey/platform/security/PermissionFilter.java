package dev.latchkey.platform.security;

import dev.latchkey.events.AccessEvents.AccessDenied;
import dev.latchkey.platform.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Enforces {@link Requires}: 401 without a valid bearer token, 403 and an {@code access.denied} event when
 * the caller's roles lack the permission. A caller's first denial in a window is recorded before the answer leaves,
 * the ones after it are counted into one entry ({@link DenialLog}). A permitted request then counts against its
 * caller's and its tenant's rate ({@link RateLimits}): over either, a 429 problem and the endpoint does not run; a
 * denial is not counted, being cheap already. An endpoint must say
 * what it needs: {@code @Requires}, or {@code @PermitAll} for the few public ones (an OAuth callback); one that
 * says neither is refused to everybody.
 */
public class PermissionFilter {

    private static final Logger LOG = Logger.getLogger(PermissionFilter.class);

    private final SecurityIdentity identity;
    private final CurrentCaller caller;
    private final DenialLog denials;
    private final RateLimits limits;

    public PermissionFilter(SecurityIdentity identity, CurrentCaller caller, DenialLog denials, RateLimits limits) {
        this.identity = identity;
        this.caller = caller;
        this.denials = denials;
        this.limits = limits;
    }

    @ServerRequestFilter
    public Uni<Response> check(ResourceInfo resource, ContainerRequestContext request) {
        URI path = Problem.instance(request.getUriInfo());
        Requires requires = requirement(resource);
        if (requires == null) {
            if (declaredPublic(resource)) {
                return Uni.createFrom().nullItem();
            }
            // Fail closed: an endpoint that forgot to say what it needs is refused, not opened.
            LOG.errorf("%s.%s declares neither @Requires nor @PermitAll; refusing %s %s",
                    resource.getResourceClass().getSimpleName(), resource.getResourceMethod().getName(), request.getMethod(), path);
            return Uni.createFrom().item(Problem.of("forbidden", "Forbidden", 403,
                    "This endpoint declares no permission, so nobody may call it.", path).toResponse());
        }
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(Response.fromResponse(Problem.of("unauthorized", "Unauthorized", 401,
                    "This endpoint needs a bearer token.", path).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
        Caller current = caller.get();
        if (current.can(requires.value())) {
            return Uni.createFrom().item(() -> {
                limits.admit(current);   // over a limit: TooManyRequestsException, a 429 problem (ProblemMappers)
                return null;
            });
        }
        String permission = requires.value().name().toLowerCase(Locale.ROOT);
        var denied = new AccessDenied(current.subject(), request.getMethod(), path.toString(), permission);
        return denials.denied(current.tenant(), current.actor(), current.name(), denied)
                .replaceWith(Problem.of("forbidden", "Forbidden", 403,
                        refusal(requires.value()), path)
                        .toResponse());
    }

    /** What a refused caller reads: the permission, and the roles to ask for. */
    private static String refusal(Permission permission) {
        List<String> granting = Caller.rolesGranting(permission);
        return "This needs the permission '" + permission.name().toLowerCase(Locale.ROOT) + "', which your roles do not"
                + " grant; " + (granting.size() == 1 ? "the role " + granting.get(0) + " grants it."
                : "the roles " + String.join(", ", granting) + " grant it.");
    }

    private static boolean declaredPublic(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    }

    private static Requires requirement(ResourceInfo resource) {
        Requires onMethod = resource.getResourceMethod().getAnnotation(Requires.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Requires.class);
    }
}
