package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.FormValidator;
import dev.latchkey.oauth.JwtBearer;
import dev.latchkey.platform.expiry.SecretExpiry;
import dev.latchkey.platform.outbound.OutboundConfig;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An auth config's settings checked against the form of its kind: its fields, https for the URLs secrets go to
 * (unless the operator allows http), and a JWT bearer client's private key able to sign. Every problem is named in
 * one 400.
 */
@ApplicationScoped
class AuthConfigValidation {

    private final boolean httpAllowed;

    AuthConfigValidation(OutboundConfig outbound) {
        this.httpAllowed = outbound.allowHttp();
    }

    /** @param secretValues the secret fields to check; null when they stay as they are */
    void check(AuthConfigKind kind, ObjectNode config, ObjectNode secretValues) {
        CredentialForm form = kind.form();
        List<FieldError> errors = new ArrayList<>(fieldErrors(FormValidator.errors("config", form.config(), config)));
        for (String field : List.of("authorizationUrl", "tokenUrl", "revocationUrl", "baseUrl")) {
            if (!httpAllowed && config.path(field).asText().startsWith("http://")) {
                errors.add(new FieldError("config." + field, "must be an https URL"));
            }
        }
        if (secretValues != null) {
            errors.addAll(fieldErrors(FormValidator.errors("secrets", form.secrets(), secretValues)));
            if (kind.authType().equals(AuthType.OAUTH2_JWT_BEARER.id())) {
                privateKeyError(secretValues).ifPresent(errors::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The request has invalid fields.", errors);
        }
    }

    /** An auth config on the platform's OAuth app holds no secret of its own, so none of its own can end. */
    void checkSecretEnd(AuthConfigKind kind, SecretExpiry end) {
        if (kind.platformApp().isPresent() && end.at() != null) {
            throw new InvalidInputException("The request has invalid fields.", List.of(new FieldError(SecretExpiry.FIELD,
                    "an auth config on the platform's OAuth app holds no secret of its own: the operator renews the app's")));
        }
    }

    /** A JWT bearer client's private key must sign: checked now rather than at its first token request. */
    private static Optional<FieldError> privateKeyError(ObjectNode secretValues) {
        if (!secretValues.hasNonNull("privateKey")) {
            return Optional.empty();
        }
        try {
            JwtBearer.privateKey(secretValues.get("privateKey").asText());
            return Optional.empty();
        } catch (IllegalArgumentException notAKey) {
            return Optional.of(new FieldError("secrets.privateKey", notAKey.getMessage()));
        }
    }

    private static List<FieldError> fieldErrors(List<FormValidator.FieldProblem> problems) {
        return problems.stream().map(problem -> new FieldError(problem.field(), problem.message())).toList();
    }
}
