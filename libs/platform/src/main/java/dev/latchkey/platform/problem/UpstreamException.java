package dev.latchkey.platform.problem;

/**
 * A system Latchkey called on the caller's behalf (a provider's token endpoint) refused or failed: a 502 problem
 * whose detail says what it answered. The detail never holds a secret.
 */
public class UpstreamException extends RuntimeException {

    public UpstreamException(String detail) {
        super(detail);
    }
}
