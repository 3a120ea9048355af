package dev.latchkey.platform.outbound;

import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem;

import java.util.List;

/** A tenant-supplied URL the guard refuses: a 400 problem naming the field, never the resolved address. */
public class RefusedOutboundUrlException extends InvalidInputException {

    public RefusedOutboundUrlException(String reason) {
        super("This URL cannot be called from Latchkey: " + reason,
                List.of(new Problem.FieldError("url", reason)));
    }
}
