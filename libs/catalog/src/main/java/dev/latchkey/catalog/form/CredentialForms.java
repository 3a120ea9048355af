package dev.latchkey.catalog.form;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.auth.ApiKey;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.Basic;
import dev.latchkey.catalog.auth.Bearer;
import dev.latchkey.catalog.auth.ConnectionParameters;
import dev.latchkey.catalog.auth.Digest;
import dev.latchkey.catalog.auth.Native;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;
import dev.latchkey.catalog.auth.OAuth2JwtBearer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form of an auth config made from a catalog entry's auth option: its connection parameters (required only for a
 * native connector, whose auth config is the whole connection; for apps they are defaults that a connection
 * may supply instead) plus what the scheme needs.
 */
public final class CredentialForms {

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
        if (option instanceof OAuth2JwtBearer jwtBearer) {
            return jwtBearer(form, jwtBearer.scopes());
        }
        if (option instanceof ApiKey) {
            return form.withSecret("apiKey", CredentialForm.headerText("API key"), false);
        }
        if (option instanceof Bearer) {
            return form.withSecret("token", CredentialForm.headerText("Token"), false);
        }
        if (option instanceof Basic basic) {
            return credentials(form, basic.usernameTitle(), basic.passwordTitle());
        }
        if (option instanceof Digest digest) {
            return credentials(form, digest.usernameTitle(), digest.passwordTitle());
        }
        return form; // no_auth and native: the parameters are the whole form
    }

    /** What an OAuth2 client needs: its id and secret, and scopes (among {@code scopes} when it names any). */
    public static CredentialForm oauthClient(CredentialForm form, Map<String, String> scopes) {
        return form.withConfig("clientId", CredentialForm.text("Client ID").put("maxLength", 512), true)
                .withConfig("scopes", CredentialForm.list("Scopes", scopes.keySet()), false)
                .withSecret("clientSecret", CredentialForm.text("Client secret"), true);
    }

    /**
     * What an auth config that uses the operator's OAuth2 app holds: that choice ({@code field}: true), scopes (among
     * {@code scopes} when it names any), and the connection parameters the operator pinned, which it may not change. No
     * client id, no secret: the tenant never sees the operator's.
     */
    public static CredentialForm platformApp(String field, ConnectionParameters parameters, Map<String, String> pinned,
            Map<String, String> scopes) {
        CredentialForm form = CredentialForm.empty()
                .withConfig(field, JsonNodeFactory.instance.objectNode().put("type", "boolean").put("const", true)
                        .put("title", "Use the platform's OAuth app"), true);
        for (var parameter : new TreeMap<>(pinned).entrySet()) {
            ObjectNode property = ((ObjectNode) parameters.parameter(parameter.getKey())).deepCopy();
            form = form.withConfig(parameter.getKey(), property.put("const", parameter.getValue()).put("readOnly", true), false);
        }
        return form.withConfig("scopes", CredentialForm.list("Scopes", scopes.keySet()), false);
    }

    /**
     * What a JWT bearer client needs (RFC 7523): the assertion's issuer (its client id), whom the tokens act for, scopes
     * (among {@code scopes} when it names any), and the private key that signs.
     */
    public static CredentialForm jwtBearer(CredentialForm form, Map<String, String> scopes) {
        return form.withConfig("clientId", CredentialForm.text("Issuer (iss): the service account's email or the client id")
                        .put("maxLength", 512), true)
                .withConfig("subject", CredentialForm.text("Subject (sub): the user the tokens act for, if any").put("maxLength", 512),
                        false)
                .withConfig("scopes", CredentialForm.list("Scopes", scopes.keySet()), false)
                .withSecret("privateKey", CredentialForm.text("Private key (PKCS #8 PEM)").put("format", CredentialForm.MULTI_LINE),
                        true);
    }

    private static CredentialForm credentials(CredentialForm form, String usernameTitle, String passwordTitle) {
        return form.withConfig("username", CredentialForm.text(usernameTitle == null ? "User name" : usernameTitle), false)
                .withSecret("password", CredentialForm.text(passwordTitle == null ? "Password" : passwordTitle), false);
    }

    /** The entry's parameters, split into plain and secret fields. */
    public static CredentialForm parameters(ConnectionParameters parameters, boolean required) {
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
