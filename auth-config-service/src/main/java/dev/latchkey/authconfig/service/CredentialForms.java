package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.catalog.auth.ApiKey;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.Basic;
import dev.latchkey.catalog.auth.Bearer;
import dev.latchkey.catalog.auth.ConnectionParameters;
import dev.latchkey.catalog.auth.Digest;
import dev.latchkey.catalog.auth.Native;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;

import java.util.List;
import java.util.Map;

/**
 * The form of each kind of auth config. For a catalog entry: its connection parameters (required only for a
 * native connector, whose auth config is the whole connection; for apps they are defaults that a connection
 * may supply instead) plus what the scheme needs. For a custom scheme: the fields the scheme itself needs.
 */
public final class CredentialForms {

    /** http only passes where the operator allows it (latchkey.outbound.allow-http), checked by the service. */
    private static final String WEB_URL = "^https?://[^\\s]+$";

    private CredentialForms() {
    }

    public static CredentialForm of(AuthOption option) {
        CredentialForm form = parameters(option.connectionParameters(), option instanceof Native);
        // Java 17 has no pattern matching in switch; each scheme is one branch.
        if (option instanceof OAuth2 oauth) {
            return oauthClient(form, oauth.scopes());
        }
        if (option instanceof OAuth2ClientCredentials client) {
            return oauthClient(form, client.scopes());
        }
        if (option instanceof ApiKey) {
            return form.withSecret("apiKey", CredentialForm.text("API key"), false);
        }
        if (option instanceof Bearer) {
            return form.withSecret("token", CredentialForm.text("Token"), false);
        }
        if (option instanceof Basic basic) {
            return credentials(form, basic.usernameTitle(), basic.passwordTitle());
        }
        if (option instanceof Digest digest) {
            return credentials(form, digest.usernameTitle(), digest.passwordTitle());
        }
        return form; // no_auth and native: the parameters are the whole form
    }

    public static CredentialForm of(CustomType type) {
        CredentialForm form = CredentialForm.empty();
        return switch (type) {
            case NO_AUTH -> form;
            case OAUTH2 -> oauthClient(form, Map.of())
                    .withConfig("authorizationUrl", url("Authorization URL"), true)
                    .withConfig("tokenUrl", url("Token URL"), true)
                    .withConfig("tokenRequestAuth", CredentialForm.choice("Client authentication at the token URL",
                            List.of("client_secret_basic", "client_secret_post"), "client_secret_basic"), false);
            case API_KEY -> form
                    .withConfig("name", CredentialForm.text("Header, query parameter or cookie name")
                            .put("pattern", "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$"), true)
                    .withConfig("in", CredentialForm.choice("Sent in", List.of("header", "query", "cookie"), "header"), true)
                    .withConfig("prefix", CredentialForm.text("Prefix").put("maxLength", 64), false)
                    .withSecret("apiKey", CredentialForm.text("API key"), true);
            case BEARER_TOKEN -> form
                    .withConfig("headerName", CredentialForm.text("Header").put("default", "Authorization")
                            .put("pattern", "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$"), false)
                    .withConfig("prefix", CredentialForm.text("Prefix").put("default", "Bearer ").put("maxLength", 64), false)
                    .withSecret("token", CredentialForm.text("Token"), true);
            case BASIC -> form.withConfig("username", CredentialForm.text("User name"), true)
                    .withSecret("password", CredentialForm.text("Password"), true);
        };
    }

    private static CredentialForm oauthClient(CredentialForm form, Map<String, String> scopes) {
        return form.withConfig("clientId", CredentialForm.text("Client ID").put("maxLength", 512), true)
                .withConfig("scopes", CredentialForm.list("Scopes", scopes.keySet()), false)
                .withSecret("clientSecret", CredentialForm.text("Client secret"), true);
    }

    private static CredentialForm credentials(CredentialForm form, String usernameTitle, String passwordTitle) {
        return form.withConfig("username", CredentialForm.text(usernameTitle == null ? "User name" : usernameTitle), false)
                .withSecret("password", CredentialForm.text(passwordTitle == null ? "Password" : passwordTitle), false);
    }

    private static ObjectNode url(String title) {
        return CredentialForm.text(title).put("format", "uri").put("pattern", WEB_URL).put("maxLength", 2048);
    }

    /** The entry's parameters, split into plain and secret fields. */
    private static CredentialForm parameters(ConnectionParameters parameters, boolean required) {
        CredentialForm form = CredentialForm.empty();
        List<String> requiredNames = parameters.required();
        for (String name : parameters.names()) {
            ObjectNode property = ((ObjectNode) parameters.parameter(name)).deepCopy();
            if (property.path("type").asText().equals("string") && !property.has("maxLength")) {
                property.put("maxLength", CredentialForm.MAX_LENGTH);
            }
            boolean needed = required && requiredNames.contains(name);
            form = parameters.isSecret(name) ? form.withSecret(name, property, needed) : form.withConfig(name, property, needed);
        }
        return form;
    }
}
