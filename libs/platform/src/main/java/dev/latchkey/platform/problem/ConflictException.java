package dev.latchkey.platform.problem;

/** The request contradicts the current state (a name taken, an auth config still in use): a 409 problem. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
