package dev.latchkey.gateway.service;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * The provider answered an action with something other than success: a 502 problem that says which status it gave and
 * what it said (the start of its answer, the connection's credentials blanked out), so a workflow or a model can tell a
 * wrong input from an outage.
 */
public class ActionFailedException extends RuntimeException {

    /** As much of the provider's answer as a problem quotes. */
    private static final int QUOTED_CHARACTERS = 1000;

    private ActionFailedException(String detail) {
        super(detail);
    }

    static ActionFailedException of(String action, int status, Buffer answer, Redactions redactions) {
        String text = answer.toString(StandardCharsets.UTF_8);
        String quoted = redactions.apply(text.length() > QUOTED_CHARACTERS ? text.substring(0, QUOTED_CHARACTERS) + "…" : text);
        return new ActionFailedException("The API did not carry out '" + action + "': it answered " + status
                + (quoted.isBlank() ? " with no body." : ": " + quoted));
    }
}
