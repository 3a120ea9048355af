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
 * The platform's OAuth app of ./latchkey up (Keycloak's demo-app client, offered for the keycloak catalog entry at
 * Keycloak's TLS port): an auth config made without a client id or secret, tested, connected through Keycloak's login and
 * consent screens over https, and Active; the operator's secret shows nowhere.
 */
@Tag("browser")
class PlatformAppConnectTest {

    private static final String CLIENT_SECRET = System.getenv("LATCHKEY_KC_SECRET_DEMO_APP");

    private static ConsoleBrowser browser;

    @BeforeAll
    static void signIn() throws Exception {
        DemoAppConsent.forgetTheAdmins();
        browser = new ConsoleBrowser().signIn("admin");
    }

    @AfterAll
    static void cleanUp() {
        browser.close();
    }

    @Test
    void anAuthConfigOnThePlatformsAppConnectsWithoutAClientOfItsOwn() {
        assertFalse(CLIENT_SECRET == null || CLIENT_SECRET.isBlank(), "./latchkey test passes the demo app's secret");
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
        String connectionPath = browser.made(browser.find("form[action$='/delete']").getAttribute("action")
                .replaceFirst("^" + ConsoleBrowser.CONSOLE, "").replaceFirst("/delete$", ""));
        browser.clickAndWait(".alert a.button");
        assertTrue(browser.url().startsWith("https://localhost:8543/realms/latchkey/"), browser.url());
        // Keycloak's session of the console's sign-in is the http port's: at the TLS port the user signs in again.
        browser.signInAtKeycloak("admin").waitForText("body", "Grant Access to Demo OAuth2 app");
        browser.clickAndWait("#kc-login");
        assertTrue(browser.text("body").contains("is connected"), browser.text("body"));
        browser.open(connectionPath);
        assertEquals("Active", browser.text("h1 .badge"));
        assertFalse(browser.html().contains(CLIENT_SECRET), "the operator's client secret is never shown");
    }
}
