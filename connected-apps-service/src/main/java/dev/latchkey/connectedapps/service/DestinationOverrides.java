package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;

import java.util.List;
import java.util.Objects;

/**
 * A secret is bound to its destination, also through a connection. A connection may point somewhere else than its
 * auth config (another host, port or TLS setting: a field the form marks {@code destination: true}) only when it
 * brings every secret itself: the auth config's password or key was given for the auth config's destination, not
 * for one a connection (or a connect link's end user) names. An OAuth2 connection brings no secret of its own when
 * it is made, and its tokens come from the auth config's provider, so it keeps the auth config's destination.
 */
final class DestinationOverrides {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DestinationOverrides() {
    }

    /** @throws InvalidInputException naming each secret the connection would borrow, or each destination it may not change */
    static void refuseBorrowedSecrets(KnownAuthConfig authConfig, CredentialForm form, ObjectNode credentials) {
        ObjectNode inherited = JSON.valueToTree(authConfig.config);
        List<String> moved = form.destinationNames().stream()
                .filter(name -> credentials.has(name) && !Objects.equals(Objects.toString(inherited.get(name), null),
                        credentials.get(name).toString()))
                .toList();
        if (moved.isEmpty()) {
            return;
        }
        List<FieldError> errors = AuthType.of(authConfig.authType).tokenBased()
                ? moved.stream().map(name -> new FieldError("credentials." + name, "must be the auth config's or left out: the"
                        + " connection's tokens are issued and used at the auth config's destination")).toList()
                : List.of(authConfig.sealedFields).stream().filter(name -> !credentials.has(name))
                        .map(name -> new FieldError("credentials." + name, "must be given: " + String.join(", ", moved.stream()
                                .map(field -> "credentials." + field).toList()) + " differs from the auth config's, and the auth"
                                + " config's secret is sent only where it was given for"))
                        .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("A secret is bound to where it is sent: a connection with another destination"
                    + " than its auth config's brings its own secrets.", errors);
        }
    }
}
