package dev.latchkey.platform.problem;

/** An {@code If-Match} naming a version that is no longer current: a 412 problem. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
