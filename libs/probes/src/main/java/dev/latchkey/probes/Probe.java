package dev.latchkey.probes;

import java.util.Set;

/**
 * Connects to one kind of system with its own client library, proves the credentials work and disconnects.
 * A probe throws on failure: a {@link ProbeFailure} where it knows the category, any other exception where
 * {@link FailureClassifier} should work it out.
 */
public interface Probe {

    /** The catalog driver names this probe serves ({@code postgresql}; {@code mysql} and {@code mariadb}; ...). */
    Set<String> drivers();

    /**
     * @param target the parameters, with the host already checked by the SSRF guard
     * @return what to tell the user on success, e.g. the server's version
     */
    String probe(ProbeTarget target) throws Exception;
}
