package dev.latchkey.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A viewer sees the pages and no button that the services would refuse; signing out ends the Keycloak session too. */
@Tag("browser")
class ViewerTest {

    private static ConsoleBrowser browser;

    @BeforeAll
    static void signIn() {
        browser = new ConsoleBrowser().signIn("viewer");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aViewerSeesNoButtonThatWouldBeRefused() {
        browser.open("/auth-configs");
        assertTrue(browser.all("a[href='/auth-configs/new']").isEmpty(), "no Create New");
        assertTrue(browser.all("nav a[href='/audit']").isEmpty(), "no audit log: viewers may not read it");
        browser.assertAccessible();
        browser.screenshot("auth-configs-viewer");
        browser.open("/gallery");
        assertTrue(browser.all(".card a.button").isEmpty(), "no Create auth config or Connect on the cards");
        browser.assertAccessible();
        browser.open("/connections");
        assertTrue(browser.all("a[href='/connections/new']").isEmpty(), "no Connect an app");
        browser.assertAccessible();
        if (!browser.all("table a[href^='/connections/']").isEmpty()) {
            browser.clickAndWait("table a[href^='/connections/']");
            assertTrue(browser.all("main form").isEmpty(), "no Test, Re-authorize or Delete on a connection");
        }
    }

    @Test
    void aPageTheViewerMayNotSeeSaysSoInTheServicesWords() {
        browser.open("/audit");
        assertEquals("403", String.valueOf(browser.driver().executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus")));
        assertTrue(browser.text(".alert.error").length() > 10, browser.text("main"));
        browser.assertAccessible();
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        ConsoleBrowser other = new ConsoleBrowser().signIn("viewer");
        try {
            other.clickAndWait("header form[action='/sign-out'] button");
            assertTrue(other.url().startsWith(ConsoleBrowser.CONSOLE + "/signed-out"), other.url());
            assertTrue(other.cookies().stream().noneMatch(cookie -> cookie.getName().contains("q_session")),
                    "the session cookie is gone: " + other.cookies());
            other.assertAccessible();
            other.open("/auth-configs");
            assertTrue(other.url().contains("/realms/latchkey/"), "Keycloak asks for the password again: " + other.url());
            other.find("#username");
        } finally {
            other.close();
        }
    }
}
