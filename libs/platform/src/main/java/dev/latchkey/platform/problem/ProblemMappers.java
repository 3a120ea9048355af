package dev.latchkey.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error a Latchkey endpoint returns, as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(Problem.of("validation", "Invalid input", 400, e.getMessage(), path(uri)).withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        var errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.of("validation", "Invalid input", 400, "The request has invalid fields.", path(uri))
                .withErrors(errors));
    }

    /** A body that is JSON but not the request's shape: an unknown field, a value of the wrong type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e instanceof UnrecognizedPropertyException ? "is not a field of this request"
                : "has the wrong type or is not one of the allowed values";
        return respond(Problem.of("validation", "Invalid input", 400, "The request has invalid fields.", path(uri))
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))));
    }

    /** A body that is not JSON at all. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(Problem.of("validation", "Invalid input", 400, "The request body is not valid JSON.", path(uri)));
    }

    /** A body beyond Jackson's stream limits: a number of over 1,000 digits, nesting deeper than 1,000, a huge string. */
    @ServerExceptionMapper
    public Response beyondLimits(StreamConstraintsException e, UriInfo uri) {
        return respond(Problem.of("validation", "Invalid input", 400,
                "The request body exceeds the JSON limits (a number's length, the nesting depth or a string's length).", path(uri)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Not found", 404, "There is no such resource.", path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Conflict", 409, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return respond(Problem.of("precondition-failed", "Precondition failed", 412, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamException e, UriInfo uri) {
        return respond(Problem.of("upstream", "Bad gateway", 502, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("too-many-requests", "Too many requests", 429, e.getMessage(), path(uri))))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e, UriInfo uri) {
        return respond(Problem.of("unavailable", "Service unavailable", 503, e.getMessage(), path(uri)));
    }

    /** Other HTTP errors raised by the framework (405, 406, 415, ...): their status, a generic detail. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // The JSON body reader wraps some of Jackson's refusals (a duplicate key, trailing content) in a bare 400.
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch, uri);
        }
        if (e.getCause() instanceof JsonParseException notJson) {
            return malformedJson(notJson, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Request refused" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, title + ".", path(uri)));
    }

    /** Anything else is our fault: logged in full under a correlation id, which is all the caller sees. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, correlation id %s", correlationId);
        return respond(Problem.of("internal", "Internal error", 500,
                "Something went wrong on our side; quote the correlation id when reporting it.", path(uri))
                .withCorrelationId(correlationId));
    }

    /** {@code create.request.name} (method, parameter, field) becomes {@code name}. */
    private static String field(String propertyPath) {
        String[] nodes = propertyPath.split("\\.");
        return nodes.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(nodes, 2, nodes.length)) : propertyPath;
    }

    private static URI path(UriInfo uri) {
        return Problem.instance(uri);
    }

    private static Response respond(Problem problem) {
        return problem.toResponse();
    }
}
