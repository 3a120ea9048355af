package dev.latchkey.probes;

/** Thrown by a probe that knows why the connection failed; {@link Probes} turns it into a result. */
public class ProbeFailure extends RuntimeException {

    private final FailureCategory category;

    public ProbeFailure(FailureCategory category, String message) {
        super(message);
        this.category = category;
    }

    public FailureCategory category() {
        return category;
    }
}
