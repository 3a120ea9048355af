package dev.latchkey.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's day in the console, in order, in a real Chromium against ./latchkey up: sign in at Keycloak, make a custom
 * API-key auth config (a field error first), test it, connect it, see it Active, have its delete refused, find an app in
 * the gallery, read the audit log. A canary secret typed into the form never shows on any page, and axe-core finds no
 * serious or critical violation on any of them. Screenshots go to docs/console/.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminJourneyTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CANARY = "canary-" + UUID.randomUUID();
    private static final String NAME = "Orders API " + RUN;

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
    @Order(1)
    void signingInThroughKeycloakLeavesAHostPrefixedHttpOnlySecureLaxSessionCookie() {
        assertTrue(browser.url().startsWith(ConsoleBrowser.CONSOLE + "/auth-configs"), browser.url());
        assertTrue(browser.text("header .who").contains("demo"), "the tenant is shown");
        List<Cookie> session = browser.cookies().stream().filter(cookie -> cookie.getName().contains("q_session")).toList();
        assertFalse(session.isEmpty(), "a session cookie: " + browser.cookies());
        for (Cookie cookie : session) {
            // Chromium keeps a __Host- cookie only when it is Secure, on Path=/ and without a Domain attribute.
            assertTrue(cookie.getName().startsWith("__Host-q_session"), cookie.toString());
            assertTrue(cookie.isHttpOnly() && cookie.isSecure(), cookie.toString());
            assertEquals("/", cookie.getPath(), cookie.toString());
            assertEquals("Lax", cookie.getSameSite(), cookie.toString());
        }
        assertTrue(browser.cookies().stream().allMatch(cookie -> cookie.getName().startsWith("__Host-")),
                "the sign-in leaves no cookie without the prefix: " + browser.cookies());
    }

    @Test
    @Order(2)
    void aCustomApiKeyAuthConfigIsMadeFromItsFormAndBadFieldsAreNamedNextToThem() {
        browser.open("/auth-configs/new");
        browser.assertAccessible();
        browser.screenshot("auth-config-type-picker");
        browser.clickAndWait("a[href='/auth-configs/new/custom?type=api_key']");
        fillApiKeyForm("X Api Key");
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        assertFalse(browser.text("#f-config-name + small + .field-error, #f-config-name ~ .field-error").isBlank(),
                "the header name's error is next to its field");
        browser.assertAccessible();
        browser.screenshot("auth-config-form-errors");
        fillApiKeyForm("X-Api-Key");
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        assertTrue(browser.text(".alert.success").contains("created"), browser.html());
        authConfigPath = browser.made(browser.path());
        assertTrue(browser.text("dl.facts").contains("apiKey"), "the secret is named");
    }

    @Test
    @Order(3)
    void testingShowsTheResultInPlace() {
        browser.open(authConfigPath);
        assertTrue(browser.text("#test-result").contains("Not tested yet"));
        browser.click("form[action$='/test'] button");
        browser.find("#test-result.alert");
        browser.assertAccessible();
        browser.screenshot("auth-config");
    }

    @Test
    @Order(4)
    void connectingTheAuthConfigMakesAnActiveConnection() {
        browser.open(authConfigPath).clickAndWait("a[href^='/connections/new?authConfigId=']");
        // A development auth config serves development connections only: the form offers no other environment.
        assertEquals(1, browser.all("#f-environment option").size(), browser.text("form"));
        assertTrue(browser.text("#h-environment").contains("serves development only"), browser.text("form"));
        browser.assertAccessible();
        browser.screenshot("connect");
        browser.type("#f-name", "Orders, production account " + RUN);
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        connectionPath = browser.made(browser.path());
        assertEquals("Active", browser.text("h1 .badge"));
        browser.assertAccessible();
        browser.screenshot("connection");
        browser.open("/connections?environment=development");
        assertTrue(browser.text("table").contains("Orders, production account " + RUN));
        browser.assertAccessible();
        browser.screenshot("connections");
    }

    @Test
    @Order(5)
    void deletingAnAuthConfigInUseIsRefusedWithTheServicesWords() {
        browser.open(authConfigPath + "/delete");
        assertTrue(browser.text("main").contains("1 connection uses this auth config"), browser.text("main"));
        browser.clickAndWait("form[action$='/delete'] button");
        assertTrue(browser.text(".alert.error").toLowerCase().contains("connection"), browser.text(".alert.error"));
        browser.assertAccessible();
        browser.screenshot("auth-config-delete-refused");
        browser.open("/auth-configs");
        assertTrue(browser.text("table").contains(NAME));
        browser.assertAccessible();
        browser.screenshot("auth-configs");
    }

    @Test
    @Order(6)
    void theGalleryFindsAnAppAsYouType() {
        browser.open("/gallery");
        browser.type("#q", "github");
        browser.waitForText("#cards", "GitHub");
        assertTrue(browser.all("#cards .card").size() < 10, "the search narrowed the gallery");
        browser.assertAccessible();
        browser.screenshot("gallery");
        browser.clickAndWait("a[href='/auth-configs/new/github']");
        assertTrue(browser.text("main").contains("Redirect URI"), "an OAuth2 app's form shows its redirect URI");
        browser.assertAccessible();
        browser.screenshot("auth-config-form-github");
    }

    @Test
    @Order(7)
    void theAuditLogShowsTheChainVerifiedAndTheJourneysEntries() {
        browser.open("/audit");
        browser.waitForText("#verification", "Chain verified");
        assertTrue(browser.text("table").contains("auth_config.created"), "the journey's changes are in the log");
        browser.assertAccessible();
        browser.screenshot("audit");
    }

    @Test
    @Order(8)
    void theCanarySecretNeverAppearsInAnyPage() {
        assertTrue(browser.pagesSeen().size() > 10);
        for (String page : browser.pagesSeen()) {
            assertFalse(page.contains(CANARY), "a page showed the secret");
        }
    }

    /** The auth config's own name, and its API-key form: the header's name (config.name), and the key itself. */
    private static void fillApiKeyForm(String headerName) {
        browser.type("#f-name", NAME).select("#f-environment", "development")
                .type("#f-config-baseUrl", "https://orders.example.com")
                .type("#f-config-name", headerName).type("#f-secrets-apiKey", CANARY);
    }
}
