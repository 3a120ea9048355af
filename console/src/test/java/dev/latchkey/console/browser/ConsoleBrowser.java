package dev.latchkey.console.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium, headless, driven through its chromedriver (both named by path, so Selenium looks nothing up
 * and downloads nothing), signed in at the console through Keycloak's own login page. Every page it opens is kept
 * (its HTML, for the canary check) and can be checked with axe-core and photographed.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CONSOLE = System.getProperty("latchkey.console.url", "http://localhost:8080");
    static final String PASSWORD = System.getProperty("latchkey.demo.password", "latchkey-demo");
    private static final Path AXE = Path.of(System.getProperty("latchkey.axe",
            "src/test/browser/node_modules/axe-core/axe.min.js"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("latchkey.screenshots", "../docs/console"));
    /** Keycloak's self-signed certificate (./latchkey up makes it): trusted by this browser alone, no other. */
    private static final Path KEYCLOAK_CERTIFICATE = Path.of(System.getProperty("latchkey.keycloak.certificate",
            "../.latchkey/keycloak-tls/keycloak.pem"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final List<String> pagesSeen = new ArrayList<>();
    private final Deque<String> made = new ArrayDeque<>();

    ConsoleBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // The flags the machine's notes give: headless, and no background connections that a closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
                "--ignore-certificate-errors-spki-list=" + publicKeyHash(KEYCLOAK_CERTIFICATE));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Fills in Keycloak's login page, which the browser is on, as {@code user}. */
    ConsoleBrowser signInAtKeycloak(String user) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo: how Chromium names a key it is told to trust. */
    private static String publicKeyHash(Path certificate) {
        try (InputStream pem = Files.newInputStream(certificate)) {
            byte[] key = CertificateFactory.getInstance("X.509").generateCertificate(pem).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read Keycloak's certificate " + certificate + " (./latchkey up makes it)", e);
        }
    }

    /** Opens a console page; an unsigned browser lands on Keycloak's login page instead. */
    ConsoleBrowser open(String path) {
        driver.get(CONSOLE + path);
        return seen();
    }

    /** Signs in on Keycloak's real login page, from wherever the console sent the browser. */
    ConsoleBrowser signIn(String user) {
        open("/auth-configs");
        signInAtKeycloak(user);
        wait.until(ExpectedConditions.urlContains(CONSOLE));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
        return seen();
    }

    /** The element, once it is there; if it never comes, the failure says where the browser was and what it showed. */
    WebElement find(String css) {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ", which shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    ConsoleBrowser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Clicks and waits for the page to change (a form posted, a link followed) and for the new page to have loaded: an
     * element found while it still loads may belong to a document the browser is about to replace.
     */
    ConsoleBrowser clickAndWait(String css) {
        WebElement element = find(css);
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
        wait.until(browser -> "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
        return seen();
    }

    /** Clicks what htmx handles: the page stays, a part of it changes. */
    ConsoleBrowser click(String css) {
        find(css).click();
        return this;
    }

    /** Sets a date input to {@code day}: typing one follows the browser's locale, so the value is set as a script would. */
    ConsoleBrowser day(String css, java.time.LocalDate day) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(css), day.toString());
        return this;
    }

    /** Chooses the option of a select by its value. */
    ConsoleBrowser select(String css, String value) {
        new Select(find(css)).selectByValue(value);
        return this;
    }

    /** Waits until an element holds a text: what htmx swaps in. */
    ConsoleBrowser waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return seen();
    }

    String text(String css) {
        return find(css).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The console page shown, as its path without the query: where to come back to. */
    String path() {
        return driver.getCurrentUrl().replaceFirst("^" + CONSOLE, "").replaceFirst("\\?.*$", "");
    }

    /** Records a page of something the test made (a path of {@link #path()}): {@link #close()} deletes it. */
    String made(String path) {
        made.push(path);
        return path;
    }

    /**
     * Deletes what the test made, newest first (a toolkit or connection before the auth config it uses), through the
     * pages: a connection or toolkit by its page's Delete (confirmed), an auth config by its delete page's button.
     */
    private void deleteMade() {
        while (!made.isEmpty()) {
            String path = made.pop();
            open(path.startsWith("/auth-configs/") ? path + "/delete" : path);
            driver.executeScript("window.confirm = () => true");
            clickAndWait("main form[action$='/delete'] button");
        }
    }

    String html() {
        return driver.getPageSource();
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    java.util.Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The HTML of every page this browser showed, each time it showed one. */
    List<String> pagesSeen() {
        return pagesSeen;
    }

    /** Fails the test with axe-core's serious and critical violations on the page shown, if it has any. */
    void assertAccessible() {
        List<String> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n", violations));
        }
    }

    /** axe-core's serious and critical violations on the page shown: rule, impact, and the first offending element. */
    @SuppressWarnings("unchecked")
    private List<String> accessibilityViolations() {
        try {
            ((JavascriptExecutor) driver).executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed: ./latchkey test runs npm ci in src/test/browser", e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));");
        if (!(result instanceof List<?> violations)) {
            throw new IllegalStateException("axe-core failed: " + result);
        }
        List<String> serious = new ArrayList<>();
        for (Object violation : violations) {
            Map<String, Object> found = (Map<String, Object>) violation;
            if ("serious".equals(found.get("impact")) || "critical".equals(found.get("impact"))) {
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) found.get("nodes");
                serious.add(found.get("id") + " (" + found.get("impact") + ") on " + driver.getCurrentUrl() + ": "
                        + (nodes.isEmpty() ? "" : nodes.get(0).get("html")));
            }
        }
        return serious;
    }

    /** A screenshot of the whole page shown, beyond the window's height (Chrome's DevTools protocol), as docs/console/{name}.png. */
    @SuppressWarnings("unchecked")
    void screenshot(String name) {
        Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"),
                "scale", 1);
        String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConsoleBrowser seen() {
        pagesSeen.add(driver.getPageSource());
        return this;
    }

    /** Deletes what the test made, then ends the browser. */
    @Override
    public void close() {
        try {
            deleteMade();
        } finally {
            driver.quit();
        }
    }
}
