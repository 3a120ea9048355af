package dev.latchkey.platform.problem;

import java.util.List;

/** Input that breaks a rule the service checks itself (a catalog form, a scope list): a 400 problem. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidInputException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
