package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.ConnectionParameters;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.CredentialForms;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connection's {@code credentials} may hold: the entry's parameters (each optional: the auth config may
 * already give it) and the scheme's own credential, required unless the auth config holds it already.
 */
final class ConnectionForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectionForms() {
    }

    /** Credentials given against a connection's form, split as they are kept: plain fields and secrets, in the order given. */
    record Given(Map<String, Object> plain, Map<String, String> secrets) {

        static Given of(CredentialForm form, ObjectNode credentials) {
            Map<String, Object> plain = new LinkedHashMap<>();
            Map<String, String> secrets = new LinkedHashMap<>();
            credentials.fields().forEachRemaining(field -> {
                if (form.secretNames().contains(field.getKey())) {
                    secrets.put(field.getKey(), field.getValue().asText());
                } else {
                    plain.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
                }
            });
            return new Given(plain, secrets);
        }
    }

    /** The form of connections of {@code authConfig}, with its catalog entry's option where it has one. */
    static CredentialForm of(KnownAuthConfig authConfig, Catalog catalog) {
        return of(authConfig, Optional.ofNullable(authConfig.provider).flatMap(catalog::find)
                .flatMap(entry -> entry.option(AuthType.of(authConfig.authType))));
    }

    private static CredentialForm of(KnownAuthConfig authConfig, Optional<AuthOption> option) {
        ConnectionParameters parameters = option.map(AuthOption::connectionParameters).orElse(ConnectionParameters.NONE);
        CredentialForm form = CredentialForms.parameters(parameters, false);
        AuthType type = AuthType.of(authConfig.authType);
        return switch (type) {
            case API_KEY -> secret(form, authConfig, "apiKey", CredentialForm.headerText("API key"));
            case BEARER -> secret(form, authConfig, "token", CredentialForm.headerText("Token"));
            case BASIC, DIGEST -> secret(form.withConfig("username", CredentialForm.text("User name"),
                    !authConfig.config.containsKey("username")), authConfig, "password", CredentialForm.text("Password"));
            default -> form;
        };
    }

    private static CredentialForm secret(CredentialForm form, KnownAuthConfig authConfig, String name, ObjectNode field) {
        return form.withSecret(name, field, !List.of(authConfig.sealedFields).contains(name));
    }
}
