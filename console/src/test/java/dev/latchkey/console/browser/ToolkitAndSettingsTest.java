package dev.latchkey.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin makes a toolkit from a GitHub connection with one action picked, issues a token (shown once, then never
 * again), revokes it, edits its members (a second connection added, the first one removed, a refused edit changing
 * nothing); and changes the tenant's settings, a bad origin named under its field.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToolkitAndSettingsTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static ConsoleBrowser browser;
    private static String authConfigPath;
    private static String connectionPath;
    private static String toolkitPath;

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
    void aToolkitIsMadeFromAConnectionWithTheActionsPicked() {
        browser.open("/auth-configs/new/github?type=bearer");
        browser.type("#f-name", "GitHub PAT " + RUN).type("#f-secrets-token", "ghp_" + RUN + "x".repeat(28));
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        authConfigPath = browser.made(browser.path());
        browser.clickAndWait("a[href^='/connections/new?authConfigId=']");
        browser.type("#f-name", "GitHub, release bot " + RUN).clickAndWait("form.form button[type=submit]:not([formaction])");
        connectionPath = browser.made(browser.path());
        assertEquals("Active", browser.text("h1 .badge"));

        browser.clickAndWait("a[href^='/toolkits/new?connectionId=']");
        browser.type("#f-name", "Release helper " + RUN).click("input[name=actions][value=list_pull_requests]");
        browser.assertAccessible();
        browser.screenshot("toolkit-new");
        browser.clickAndWait("form.form button[type=submit]:not([formaction])");
        toolkitPath = browser.made(browser.path());
        assertTrue(browser.text("main").contains("list_pull_requests"), browser.text("main"));
        assertFalse(browser.text("main").contains("add_issue_comment"), "only the action picked");
    }

    @Test
    @Order(2)
    void aTokenIsShownOnceAndRevoked() {
        browser.open(toolkitPath).type("#f-token-name", "release agent");
        browser.clickAndWait("form[action$='/tokens'] button");
        String token = browser.find("#issued-token").getAttribute("value");
        assertTrue(token.startsWith("lkt_"), token);
        browser.assertAccessible();
        // The picture in docs/ shows no token, even a revoked one of a local run.
        browser.driver().executeScript("document.getElementById('issued-token').value = arguments[0]", "lkt_…");
        browser.screenshot("toolkit-token-issued");
        browser.open(toolkitPath);
        assertFalse(browser.html().contains(token), "the token is never shown again");
        assertEquals("active", browser.text("tbody .badge"));
        browser.clickAndWait("form[action*='/tokens/'][action$='/revoke'] button");
        assertEquals("revoked", browser.text("tbody .badge"));
        browser.open("/toolkits");
        assertTrue(browser.text("table").contains("Release helper " + RUN));
        browser.assertAccessible();
        browser.screenshot("toolkits");
    }

    @Test
    @Order(3)
    void theToolkitsMembersAreEditedAndARefusedEditChangesNothing() {
        String first = connectionPath.substring("/connections/".length());
        browser.open(authConfigPath).clickAndWait("a[href^='/connections/new?authConfigId=']");
        browser.type("#f-name", "GitHub, docs bot " + RUN).clickAndWait("form.form button[type=submit]:not([formaction])");
        String second = browser.made(browser.path()).substring("/connections/".length());

        browser.open(toolkitPath).clickAndWait("a[href$='/edit']");
        browser.click("input[name='actions." + first + "'][value=add_issue_comment]").click("#f-readOnly");
        browser.clickAndWait("form.form button[type=submit]");
        assertTrue(browser.text(".alert.error").contains("members[0].actions"), "a write action in a read-only toolkit: "
                + browser.text("main"));
        browser.open(toolkitPath);
        assertFalse(browser.text("main").contains("add_issue_comment"), "the refused edit changed nothing");

        browser.clickAndWait("a[href$='/edit']");
        browser.click("input[name='actions." + first + "'][value=add_issue_comment]").select("#f-add", second);
        browser.assertAccessible();
        browser.screenshot("toolkit-edit");
        browser.clickAndWait("form.form button[type=submit]");
        assertEquals(toolkitPath, browser.path());
        String members = browser.text("main ul.plain");
        assertTrue(members.contains("GitHub, release bot " + RUN) && members.contains("add_issue_comment")
                && members.contains("list_pull_requests"), members);
        assertTrue(members.contains("GitHub, docs bot " + RUN + " ") && members.contains("every action of its app"), members);

        browser.clickAndWait("a[href$='/edit']").click("input[name=remove][value='" + first + "']");
        browser.clickAndWait("form.form button[type=submit]");
        members = browser.text("main ul.plain");
        assertFalse(members.contains("release bot"), members);
        assertTrue(members.contains("docs bot"), members);
    }

    @Test
    @Order(4)
    void theSettingsAreChangedAndABadOriginIsNamed() {
        browser.open("/settings");
        browser.type("#f-origins", "http://localhost:3000\nftp://files.example.com");
        browser.clickAndWait("form[action='/settings/allowed-origins'] button");
        assertFalse(browser.all(".field-error").isEmpty(), "the bad origin is named: " + browser.text("main"));
        browser.type("#f-origins", "http://localhost:3000");
        browser.clickAndWait("form[action='/settings/allowed-origins'] button");
        assertTrue(browser.text(".alert.success").contains("Saved"));
        assertEquals("http://localhost:3000", browser.find("#f-origins").getAttribute("value").strip());
        browser.type("#f-days", "400").clickAndWait("form[action='/settings/retention'] button");
        assertEquals("400", browser.find("#f-days").getAttribute("value"));
        browser.assertAccessible();
        browser.screenshot("settings");
    }
}
