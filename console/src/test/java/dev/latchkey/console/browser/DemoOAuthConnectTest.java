package dev.latchkey.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo OAuth2 app of ./latchkey up, connected from the console: a custom OAuth2 auth config for Keycloak's
 * {@code demo-app} client, a connection that waits at PENDING, the provider's authorization (the admin's Keycloak
 * session from signing in to the console), the callback, and the connection Active with its granted scopes.
 */
@Tag("browser")
class DemoOAuthConnectTest {

    private static final String REALM = System.getProperty("latchkey.keycloak.url", "http://localhost:8180") + "/realms/latchkey";
    private static final String CLIENT_SECRET = System.getenv("LATCHKEY_KC_SECRET_DEMO_APP");

    private static ConsoleBrowser browser;
    private static String authConfigPath;
    private static String connectionPath;

    @BeforeAll
    static void signIn() {
        browser = new ConsoleBrowser().signIn("admin");
    }

    @AfterAll
    static void cleanUp() {
        browser.close();
    }

    @Test
    void theDemoAppIsConnectedThroughKeycloakAndShowsActive() {
        assertFalse(CLIENT_SECRET == null || CLIENT_SECRET.isBlank(), "./latchkey test passes the demo app's secret");
        String run = UUID.randomUUID().toString().substring(0, 8);
        browser.open("/auth-configs/new/custom?type=oauth2");
        assertTrue(browser.text("main").contains("Redirect URI"), "custom OAuth2 shows the redirect URI to register");
        browser.type("#f-name", "Keycloak demo app " + run)
                .type("#f-config-authorizationUrl", REALM + "/protocol/openid-connect/auth")
                .type("#f-config-tokenUrl", REALM + "/protocol/openid-connect/token")
                .type("#f-config-issuer", REALM)
                .type("#f-config-clientId", "demo-app")
                .type("#f-config-scopes", "openid profile")
                .type("#f-secrets-clientSecret", CLIENT_SECRET);
        browser.click("button[formaction$='/test']");
        browser.find("#test-result.alert.success");
        browser.screenshot("auth-config-form-oauth2");
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        authConfigPath = browser.made(browser.path());

        browser.clickAndWait("a[href^='/connections/new?authConfigId=']");
        browser.type("#f-name", "My demo account " + run);
        browser.clickAndWait("form.form button[type=submit]");
        // The answer to the form is the connection's page, with the one link to the provider its creation gave.
        connectionPath = browser.made(browser.find("form[action$='/delete']").getAttribute("action")
                .replaceFirst("^" + ConsoleBrowser.CONSOLE, "").replaceFirst("/delete$", ""));
        assertEquals("Pending", browser.text("h1 .badge"));
        browser.assertAccessible();
        browser.screenshot("connection-pending");

        browser.clickAndWait(".alert a.button");
        assertTrue(browser.text("body").contains("is connected"), browser.text("body"));
        browser.open(connectionPath);
        assertEquals("Active", browser.text("h1 .badge"));
        assertTrue(browser.text("dl.facts").contains("profile"), "the granted scopes are shown");
        assertFalse(browser.html().contains(CLIENT_SECRET), "the client secret is never shown");
    }
}
