package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.CredentialForms;

import java.util.List;
import java.util.Map;

/** The form of a custom auth config: the fields its scheme needs, as no catalog entry describes it. */
public final class CustomForms {

    /** http only passes where the operator allows it (latchkey.outbound.allow-http), checked by the service. */
    private static final String WEB_URL = "^https?://[^\\s]+$";
    /** One leading slash (not two: a host), no {@code ..} segment, no fragment, no template braces. */
    private static final String TEST_PATH = "^(?!.*/\\.\\.(/|\\?|$))/(?!/)[^\\s#{}]*$";
    private static final String TOKEN_NAME = "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$";

    private CustomForms() {
    }

    public static CredentialForm of(CustomType type) {
        // Where the gateway calls the API with these credentials; without it, they are only read.
        CredentialForm form = CredentialForm.empty().withConfig("baseUrl", url("API base URL, for calls through the gateway"), false);
        return switch (type) {
            case NO_AUTH -> testRequest(form);
            case OAUTH2 -> tokenEndpoint(form.withConfig("authorizationUrl", url("Authorization URL"), true))
                    .withConfig("revocationUrl", url("Revocation URL (RFC 7009)"), false)
                    .withConfig("issuer", url("Issuer (RFC 8414): its sign-in answers must name it (RFC 9207)"), false);
            case OAUTH2_CLIENT_CREDENTIALS -> tokenEndpoint(form);
            case OAUTH2_JWT_BEARER -> CredentialForms.jwtBearer(form.withConfig("tokenUrl", url("Token URL"), true)
                    .withConfig("audience", url("Audience (aud), when not the token URL"), false), Map.of());
            case API_KEY -> testRequest(form
                    .withConfig("name", CredentialForm.text("Header, query parameter or cookie name")
                            .put("pattern", TOKEN_NAME), true)
                    .withConfig("in", CredentialForm.choice("Sent in", List.of("header", "query", "cookie"), "header"), true)
                    .withConfig("prefix", CredentialForm.text("Prefix").put("maxLength", 64), false)
                    .withSecret("apiKey", CredentialForm.headerText("API key"), true));
            case BEARER_TOKEN -> testRequest(form
                    .withConfig("headerName", CredentialForm.text("Header").put("default", "Authorization")
                            .put("pattern", TOKEN_NAME), false)
                    .withConfig("prefix", CredentialForm.text("Prefix").put("default", "Bearer ").put("maxLength", 64), false)
                    .withSecret("token", CredentialForm.headerText("Token"), true));
            case BASIC, DIGEST -> testRequest(form.withConfig("username", CredentialForm.text("User name"), true)
                    .withSecret("password", CredentialForm.text("Password"), true));
        };
    }

    /**
     * The request "Test" sends with the credentials: a path under the base URL (never another host: it starts with one
     * slash and has no {@code ..} segment), its method and the status that passes. Without it there is nothing to test.
     */
    private static CredentialForm testRequest(CredentialForm form) {
        return form.withConfig("testPath", CredentialForm.text("Test request: a path under the base URL, e.g. /me")
                        .put("pattern", TEST_PATH).put("maxLength", 1024), false)
                .withConfig("testMethod", CredentialForm.choice("Test request method", List.of("GET", "HEAD"), "GET"), false)
                .withConfig("testStatus", JsonNodeFactory.instance.objectNode().put("type", "integer")
                        .put("title", "Test request: the status that passes").put("minimum", 100).put("maximum", 599)
                        .put("default", 200), false);
    }

    /** An OAuth2 client and where it gets tokens. */
    private static CredentialForm tokenEndpoint(CredentialForm form) {
        return CredentialForms.oauthClient(form, Map.of())
                .withConfig("tokenUrl", url("Token URL"), true)
                .withConfig("tokenRequestAuth", CredentialForm.choice("Client authentication at the token URL",
                        List.of("client_secret_basic", "client_secret_post"), "client_secret_basic"), false);
    }

    private static ObjectNode url(String title) {
        return CredentialForm.text(title).put("format", "uri").put("pattern", WEB_URL).put("maxLength", 2048)
                .put("destination", true);
    }
}
