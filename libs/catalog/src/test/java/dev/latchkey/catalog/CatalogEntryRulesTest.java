package dev.latchkey.catalog;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of broken entry fails the build with a message that names the file and the problem. */
class CatalogEntryRulesTest {

    private static final String VALID = """
            key: acme
            name: Acme
            category: crm
            docsUrl: https://developer.acme.example/api
            auth:
              - type: oauth2
                connectionParameters:
                  type: object
                  required: [subdomain]
                  properties:
                    subdomain: {type: string, title: Subdomain, pattern: '^[a-z0-9-]+$', destination: true}
                authorizationUrl: https://{{config.subdomain}}.acme.example/oauth/authorize
                tokenUrl: https://{{config.subdomain}}.acme.example/oauth/token
                scopes: {read: Read everything, write: Change everything}
                defaultScopes: [read]
                pkce: required
                tokenRequestAuth: client_secret_basic
                refresh: {supported: true, rotatesRefreshToken: true, fallbackExpiresIn: PT1H}
            api:
              baseUrl: https://{{config.subdomain}}.acme.example/api
              test: {method: GET, path: /me}
            """;

    private final CatalogEntryReader reader = new CatalogEntryReader();

    @Test
    void aValidEntryIsRead() {
        CatalogEntry entry = read("acme.yaml", VALID);

        assertEquals("acme", entry.key());
        assertEquals(Category.CRM, entry.category());
        assertEquals(List.of(200), entry.api().orElseThrow().test().expect().status());
    }

    @Test
    void malformedYamlIsRefused() {
        assertRefused("acme.yaml", "key: acme\nname: [unclosed", "not YAML");
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertRefused("acme.yaml", VALID.replace("    pkce: required", "    pkce: required\n    pkceMethod: S256"), "pkceMethod");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        assertRefused("acme.yaml", VALID.replace("    tokenUrl: https://{{config.subdomain}}.acme.example/oauth/token\n", ""),
                "tokenUrl");
    }

    @Test
    void anUnknownCategoryIsRefused() {
        assertRefused("acme.yaml", VALID.replace("category: crm", "category: gadgets"), "category");
    }

    @Test
    void aTemplateWithAnUndeclaredVariableIsRefused() {
        assertRefused("acme.yaml", VALID.replace("path: /me", "path: /users/{{config.userId}}"), "config.userId");
    }

    @Test
    void aSecretParameterIsNotAConfigVariable() {
        String entry = withParameter("signingKey: {type: string, title: Signing key, writeOnly: true, format: password}")
                .replace("path: /me", "path: /me?key={{config.signingKey}}");
        assertRefused("acme.yaml", entry, "config.signingKey");
    }

    @Test
    void aPlainHttpOAuthEndpointIsRefused() {
        assertRefused("acme.yaml", VALID.replace("tokenUrl: https://", "tokenUrl: http://"), "tokenUrl");
    }

    @Test
    void anOAuthEndpointThatStartsWithAParameterNeedsTheParameterToBeHttps() {
        String entry = VALID.replace("authorizationUrl: https://{{config.subdomain}}.acme.example/oauth/authorize",
                "authorizationUrl: '{{config.subdomain}}/oauth/authorize'");
        assertRefused("acme.yaml", entry, "is not an https URL");
    }

    @Test
    void aDefaultScopeMustBeADocumentedScope() {
        assertRefused("acme.yaml", VALID.replace("defaultScopes: [read]", "defaultScopes: [admin]"), "admin");
    }

    @Test
    void anEntryThatNeverSendsPkceNamesTheProvidersPageThatSaysWhy() {
        assertRefused("acme.yaml", VALID.replace("pkce: required", "pkce: never"), "pkceDocsUrl");
        assertRefused("acme.yaml", VALID.replace("pkce: required", "pkce: optional\n    pkceDocsUrl: https://acme.example/pkce"),
                "pkceDocsUrl");
    }

    @Test
    void theOldYesOrNoPkceIsRefused() {
        assertRefused("acme.yaml", VALID.replace("pkce: required", "pkce: false"), "pkce");
    }

    @Test
    void theKeyIsTheFileName() {
        assertRefused("acme-crm.yaml", VALID, "is not the file name");
    }

    @Test
    void anEntryThatIsNotNativeNeedsAConnectionTest() {
        assertRefused("acme.yaml", VALID.substring(0, VALID.indexOf("api:")), "needs an api block");
    }

    @Test
    void aSecretParameterMustBeMaskedInForms() {
        String entry = withParameter("signingKey: {type: string, title: Signing key, writeOnly: true}");
        assertRefused("acme.yaml", entry, "format");
    }

    @Test
    void aParameterThatBuildsAnOAuthOrApiUrlMustBeMarkedAsADestination() {
        assertRefused("acme.yaml", VALID.replace(", destination: true}", "}"), "parameter 'subdomain' decides where secrets are sent");
    }

    @Test
    void aParameterNamedLikeAnAddressMustBeMarkedAsADestination() {
        assertRefused("acme.yaml", withParameter("apiHost: {type: string, title: API host}"), "parameter 'apiHost'");
        assertRefused("acme.yaml", withParameter("sslMode: {type: string, title: SSL mode}"), "parameter 'sslMode'");
        assertRefused("acme.yaml", withParameter("relay: {type: string, title: Relay, format: hostname}"), "parameter 'relay'");
    }

    @Test
    void aSecretParameterIsNeverADestination() {
        String entry = withParameter("hostKey: {type: string, title: Host key, writeOnly: true, format: password, destination: true}");
        assertRefused("acme.yaml", entry, "cannot be a destination");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        CatalogEntry entry = read("acme.yaml", VALID);

        var error = assertThrows(CatalogException.class, () -> new Catalog(List.of(entry, entry)));
        assertTrue(error.getMessage().contains("used twice"), error.getMessage());
    }

    /** The valid entry with one more connection parameter, written as a YAML flow mapping. */
    private static String withParameter(String parameter) {
        String subdomain = "subdomain: {type: string, title: Subdomain, pattern: '^[a-z0-9-]+$', destination: true}";
        return VALID.replace(subdomain, subdomain + "\n        " + parameter);
    }

    private CatalogEntry read(String file, String yaml) {
        return reader.read(file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(String file, String yaml, String expected) {
        var error = assertThrows(CatalogException.class, () -> read(file, yaml));
        assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
