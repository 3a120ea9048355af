package dev.latchkey.audit.rest;

import dev.latchkey.audit.domain.AuditFilter;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The filters the list and the export share, checked: a bad one is a 400 naming it. */
public class AuditQueryParameters {

    private static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");
    private static final Pattern ACTION = Pattern.compile("[a-z_]+(\\.[a-z_]+)?|[a-z_]+\\.\\*");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @QueryParam("actor")
    String actor;
    @QueryParam("action")
    String action;
    @QueryParam("targetType")
    String targetType;
    @QueryParam("targetId")
    String targetId;
    @QueryParam("outcome")
    String outcome;
    @QueryParam("environment")
    String environment;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;

    /** The filter for {@code tenant}; fields that do not parse are added to {@code errors}. */
    AuditFilter filter(String tenant, List<FieldError> errors) {
        if (action != null && !ACTION.matcher(action).matches()) {
            errors.add(new FieldError("action", "must be an action such as connection.authorized, or a prefix such as connection.*"));
        }
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            errors.add(new FieldError("outcome", "must be one of success, failure, denied"));
        }
        Instant since = instant("from", from, errors);
        Instant until = instant("to", to, errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        return new AuditFilter(tenant, blankToNull(actor), action, blankToNull(targetType), blankToNull(targetId), outcome,
                blankToNull(environment), since, until);
    }

    /** An ISO-8601 instant within years 1 to 9999: Java parses wider ones than PostgreSQL can compare with. */
    static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                errors.add(new FieldError(field, "must be between years 1 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-26T09:00:00Z"));
            return null;
        }
    }

    static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
