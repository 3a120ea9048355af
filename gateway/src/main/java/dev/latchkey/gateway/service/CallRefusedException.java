package dev.latchkey.gateway.service;

/**
 * The gateway will not make this call, or could not complete it: a problem answer of its own status and kind,
 * whose detail says what to do. The detail never holds a secret.
 */
public class CallRefusedException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;

    public CallRefusedException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    /** The connection or its scheme cannot be called through: 409, until it is fixed. */
    static CallRefusedException notCallable(String detail) {
        return new CallRefusedException(409, "not-callable", "Not callable", detail);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
