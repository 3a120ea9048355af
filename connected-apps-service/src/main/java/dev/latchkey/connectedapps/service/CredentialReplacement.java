package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A key-based connection's own credentials replaced (a key rotated, a password changed): the fields given over the
 * ones it holds, checked against its form as a create checks them, its secrets written as a new version. A secret is
 * bound to where it is sent: a connection that changes a destination field gives its secrets again, as it must to
 * differ from its auth config's destination ({@link DestinationOverrides}). An OAuth2 connection's credentials come
 * from its authorization.
 */
@ApplicationScoped
class CredentialReplacement {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KnownAuthConfigRepository authConfigs;
    private final Catalog catalog;
    private final SecretStore secrets;

    CredentialReplacement(KnownAuthConfigRepository authConfigs, Catalog catalog, SecretStore secrets) {
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.secrets = secrets;
    }

    /** Sets the credentials on {@code connection} (the caller's transaction stores it) once its new secrets are written. */
    Uni<Void> apply(Connection connection, ObjectNode given) {
        if (AuthType.of(connection.authType).tokenBased()) {
            throw new ConflictException("An OAuth2 connection's credentials come from its authorization: authorize it again"
                    + " with POST /api/v1/connections/" + connection.id + "/reauthorize.");
        }
        SecretPath path = SecretPath.connection(connection.tenant, connection.id);
        Uni<Map<String, String>> own = connection.secretVersion == 0 ? Uni.createFrom().item(Map.of())
                : secrets.read(path, connection.secretVersion).map(secret -> secret.fields());
        return authConfigs.findInTenant(connection.tenant, connection.authConfigId)
                .onItem().ifNull().failWith(() -> new ConflictException("The connection's auth config was deleted."))
                .chain(authConfig -> own.chain(stored -> {
                    CredentialForm form = ConnectionForms.of(authConfig, catalog);
                    ObjectNode merged = JSON.valueToTree(connection.config);
                    stored.forEach(merged::put);
                    merged.setAll(given);
                    ConnectionService.validate(form, merged);
                    DestinationOverrides.refuseBorrowedSecrets(authConfig, form, merged);
                    refuseMovedSecrets(connection, authConfig, form, given);
                    ConnectionForms.Given replaced = ConnectionForms.Given.of(form, merged);
                    Uni<Long> version = replaced.secrets().equals(stored) ? Uni.createFrom().item(connection.secretVersion)
                            : secrets.write(path, replaced.secrets(), connection.secretVersion);
                    return version.invoke(written -> {
                        connection.secretVersion = written;
                        connection.secretFields = replaced.secrets().keySet().toArray(String[]::new);
                        connection.config = replaced.plain();
                    }).replaceWithVoid();
                }));
    }

    /** The connection's own secrets go only where they were given for: a destination it changes takes them again. */
    private static void refuseMovedSecrets(Connection connection, KnownAuthConfig authConfig, CredentialForm form,
            ObjectNode given) {
        List<String> moved = form.destinationNames().stream().filter(name -> given.has(name) && !Objects.equals(
                Objects.toString(connection.config.getOrDefault(name, authConfig.config.get(name)), null),
                given.get(name).isTextual() ? given.get(name).asText() : given.get(name).toString())).toList();
        List<FieldError> missing = new ArrayList<>();
        if (!moved.isEmpty()) {
            for (String secret : connection.secretFields) {
                if (!given.has(secret)) {
                    missing.add(new FieldError("credentials." + secret, "must be given again: "
                            + String.join(", ", moved.stream().map(name -> "credentials." + name).toList())
                            + " changes where it is sent"));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("A secret is bound to where it is sent: give the secrets again with the new"
                    + " destination.", missing);
        }
    }
}
