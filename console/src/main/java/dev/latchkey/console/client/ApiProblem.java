package dev.latchkey.console.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service refused a request: its RFC 9457 problem, as the console shows it (the detail, and each field's message next
 * to the field). Never carries more than the problem said: the services keep secrets out of problems.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;

    public ApiProblem(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(detail == null || detail.isBlank() ? title : detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** A problem whose body was not one (a proxy's page, a service that did not answer). */
    public static ApiProblem unreadable(int status) {
        return new ApiProblem(status, "The service answered " + status,
                status >= 500 ? "A service is not answering; try again in a moment." : null, Map.of());
    }

    @SuppressWarnings("unchecked")
    static ApiProblem of(int status, Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> field) {
                    fields.merge(String.valueOf(field.get("field")), String.valueOf(field.get("message")),
                            (first, next) -> first + "; " + next);
                }
            }
        }
        return new ApiProblem(status, String.valueOf(body.getOrDefault("title", "Refused")), (String) body.get("detail"),
                fields);
    }

    public int status() {
        return status;
    }

    /** Throws this problem again unless its status is one the page answers itself (fields refused, a conflict). */
    public void throwUnlessOneOf(int... shown) {
        for (int status : shown) {
            if (this.status == status) {
                return;
            }
        }
        throw this;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Field errors by the field's path in the request ({@code config.name}, {@code secrets.apiKey}, {@code name}). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
