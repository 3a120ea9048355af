package dev.latchkey.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail: a stable {@code type} to program against, a human {@code title} and
 * {@code detail}, the failing {@code instance}, field {@code errors} for validation, and for unexpected
 * failures a {@code correlationId} that points into the server log. Never a stack trace or class name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://latchkey.dev/problems/";

    /** One invalid input field: a JSON-pointer-like path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(String kind, String title, int status, String detail, URI instance) {
        return new Problem(URI.create(TYPE_BASE + kind), title, status, detail, instance, null, null);
    }

    /**
     * The request's path as the problem's {@code instance}: as sent (still percent-encoded), since a decoded path
     * ({@code /connections/a b}, {@code %00}) is no valid URI and must not turn a 404 into a 500.
     */
    public static URI instance(UriInfo uri) {
        return URI.create(uri.getRequestUri().getRawPath());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), correlationId);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
