package dev.latchkey.platform.problem;

/**
 * Another Latchkey service that must agree to a change did not answer: a 503 problem. Nothing was changed, so the
 * caller may simply try again.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String detail) {
        super(detail);
    }
}
