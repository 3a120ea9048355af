package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.security.Caller;

import java.util.List;
import java.util.Objects;

/**
 * A secret is bound to its destination. An edit that moves an auth config's destination (a field its form marks
 * {@code destination: true}: a token URL, a host, a port, a TLS setting) must give every stored secret again, or
 * come from a caller who may read credentials anyway; otherwise someone who may edit but not read could send the
 * stored client secret or password to a host of their choosing. An auth config that connections use does not move
 * at all: their tokens and passwords were given for the old destination.
 */
final class DestinationBinding {

    private DestinationBinding() {
    }

    /**
     * @throws InvalidInputException naming each stored secret not given again
     * @throws ConflictException     when connections use the auth config
     */
    static void check(Caller caller, AuthConfig entity, CredentialForm form, ObjectNode before, ObjectNode after, ObjectNode secretChanges) {
        List<String> moved = form.destinationNames().stream().filter(name -> !sameValue(before, after, name)).toList();
        if (moved.isEmpty() || caller.has(Caller.CREDENTIALS_READ)) {
            return;
        }
        String fields = String.join(", ", moved.stream().map(name -> "config." + name).toList());
        if (entity.connectionCount > 0) {
            throw new ConflictException("Changing " + fields + " would send the credentials of the " + entity.connectionCount
                    + " connection" + (entity.connectionCount == 1 ? "" : "s") + " made from this auth config somewhere they were"
                    + " not given for; make a new auth config for the new destination.");
        }
        List<FieldError> missing = entity.secretFields.keySet().stream()
                .filter(name -> secretChanges == null || !secretChanges.has(name))
                .map(name -> new FieldError("secrets." + name, "must be given again: " + fields + " changes where it is sent"))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("A secret is bound to where it is sent: give the secrets again with the new "
                    + "destination.", missing);
        }
    }

    /** Compared as JSON text: 5432 stored as a long and 5432 sent as an int are the same port. */
    private static boolean sameValue(ObjectNode before, ObjectNode after, String name) {
        return Objects.equals(Objects.toString(before.get(name), null), Objects.toString(after.get(name), null));
    }
}
