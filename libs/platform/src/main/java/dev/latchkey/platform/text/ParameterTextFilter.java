package dev.latchkey.platform.text;

import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a query or path parameter holding a control character ({@link ControlCharacters}) before any endpoint
 * sees it: a filter such as {@code endUserId=a%00b} would otherwise reach PostgreSQL, which stores no NUL. Runs after
 * the permission check, so a caller without a token still gets 401 first.
 */
public class ParameterTextFilter {

    @ServerRequestFilter(priority = Priorities.USER + 1)
    public void refuseControlCharacters(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        check(uri.getPathParameters(), errors);
        check(uri.getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The request has invalid parameters.", errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> values.stream()
                .flatMap(value -> ControlCharacters.refusal(value, false).stream()).findFirst()
                .ifPresent(refusal -> errors.add(new FieldError(name, refusal))));
    }
}
