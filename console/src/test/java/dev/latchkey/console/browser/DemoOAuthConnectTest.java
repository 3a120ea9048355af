package dev.latchkey.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo OAuth2 app of ./latchkey up, connected from the console: a custom OAuth2 auth config for Keycloak's
 * {@code demo-app} client, a connection that waits at PENDING, the provider's authorization (the admin's Keycloak
 * session from signing in to the console, then Keycloak's consent screen), the callback, and the connection Active
 * with its granted scopes. Then the same client as the platform's OAuth app (offered for the keycloak catalog entry at
 * Keycloak's TLS port): an auth config without a client id or secret, connected through Keycloak over https.
 */
@Tag("browser")
class DemoOAuthConnectTest {

    private static final String REALM = DemoAppConsent.KEYCLOAK + "/realms/latchkey";
    private static final String CLIENT_SECRET = System.getenv("LATCHKEY_KC_SECRET_DEMO_APP");

    private static ConsoleBrowser browser;
    private static String authConfigPath;
    private static String connectionPath;

    @BeforeAll
    static void signIn() {
        browser = new ConsoleBrowser().signIn("admin");
    }

    @BeforeEach
    void forgetTheAdminsConsent() throws Exception {
        DemoAppConsent.forgetTheAdmins();
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

        // Edit, tested before saving: a secret typed is the one tested, a secret left blank is the stored one.
        browser.clickAndWait("a[href$='/edit']");
        assertEquals("", browser.find("#f-secrets-clientSecret").getAttribute("value"), "a secret is never filled back");
        browser.type("#f-secrets-clientSecret", "not-the-demo-apps-secret").click("button[formaction$='/edit/test']");
        assertTrue(browser.find("#test-result.alert.error").getText().contains("refused the client id or secret"),
                browser.text("#test-result"));
        browser.find("#f-secrets-clientSecret").clear();
        browser.click("button[formaction$='/edit/test']");
        browser.find("#test-result.alert.success");
        browser.assertAccessible();
        browser.screenshot("auth-config-edit");
        browser.type("#f-description", "Keycloak's demo-app client, for the console's tests");
        browser.day("#f-secret-expires", LocalDate.of(2020, 1, 1));
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        assertTrue(browser.text(".field-error").contains("in the future"), "a past end is refused: " + browser.text("main"));
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        browser.day("#f-secret-expires", end);
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        assertEquals(authConfigPath, browser.path(), browser.text("main"));
        assertTrue(browser.text("main").contains("for the console's tests"), "the edit is saved");
        assertTrue(browser.text("dl.facts").contains("Secrets expire"), browser.text("dl.facts"));
        browser.screenshot("auth-config-secret-end");

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
        // Keycloak's consent screen: the user grants the demo app its scopes (the console's sign-in is the SSO session).
        assertTrue(browser.text("body").contains("Grant Access to Demo OAuth2 app"), browser.text("body"));
        browser.screenshot("keycloak-consent");
        browser.clickAndWait("#kc-login");
        assertTrue(browser.text("body").contains("is connected"), browser.text("body"));
        browser.open(connectionPath);
        assertEquals("Active", browser.text("h1 .badge"));
        assertTrue(browser.text("dl.facts").contains("profile"), "the granted scopes are shown");
        assertFalse(browser.html().contains(CLIENT_SECRET), "the client secret is never shown");
    }

    @Test
    void anAuthConfigOnThePlatformsAppConnectsWithoutAClientOfItsOwn() {
        assertFalse(CLIENT_SECRET == null || CLIENT_SECRET.isBlank(), "./latchkey test passes the demo app's secret");
        // A browser of its own: signing in to Keycloak over https replaces the http sign-in's session cookie.
        try (ConsoleBrowser browser = new ConsoleBrowser().signIn("admin")) {
            connectOnThePlatformsApp(browser);
        }
    }

    private static void connectOnThePlatformsApp(ConsoleBrowser browser) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        browser.open("/auth-configs/new/keycloak");
        assertEquals("Keycloak OAuth2 with the platform's app", browser.text(".tabs [aria-current=page]"));
        assertTrue(browser.text(".alert.info").contains("no client to register and no secret to enter"), browser.text("main"));
        assertFalse(browser.text("main").contains("Redirect URI"), "nothing to register with the provider");
        assertTrue(browser.html().contains("id=\"f-config-serverHost\"") && browser.find("#f-config-serverHost").getAttribute("readonly")
                != null, "the operator's server is shown, fixed");
        assertFalse(browser.html().contains("f-config-clientId") || browser.html().contains("f-secrets-clientSecret"),
                "no client id or secret to enter");
        browser.type("#f-name", "Keycloak via the platform " + run);
        browser.click("button[formaction$='/test']");
        browser.find("#test-result.alert.success");
        browser.assertAccessible();
        browser.screenshot("auth-config-form-platform-app");
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        browser.made(browser.path());
        assertTrue(browser.text("dl.facts").contains("localhost:8543"), browser.text("dl.facts"));

        browser.clickAndWait("a[href^='/connections/new?authConfigId=']");
        browser.type("#f-name", "My account via the platform " + run);
        browser.clickAndWait("form.form button[type=submit]");
        String platformConnection = browser.made(browser.find("form[action$='/delete']").getAttribute("action")
                .replaceFirst("^" + ConsoleBrowser.CONSOLE, "").replaceFirst("/delete$", ""));
        browser.clickAndWait(".alert a.button");
        assertTrue(browser.url().startsWith("https://localhost:8543/realms/latchkey/"), browser.url());
        // Keycloak's session of the console's sign-in is the http port's: at the TLS port the user signs in again.
        browser.signInAtKeycloak("admin").waitForText("body", "Grant Access to Demo OAuth2 app");
        browser.clickAndWait("#kc-login");
        assertTrue(browser.text("body").contains("is connected"), browser.text("body"));
        browser.open(platformConnection);
        assertEquals("Active", browser.text("h1 .badge"));
        assertFalse(browser.html().contains(CLIENT_SECRET), "the operator's client secret is never shown");
    }
}
