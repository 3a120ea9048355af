package dev.latchkey.console.browser;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form the console takes is refused without this session's CSRF token, even with the session's own cookie: each
 * POST method of every page resource (found in the build's classes, so a new one is held to it too) answers 403 to a
 * submission without the token and with another's. And every page carries the strict security headers.
 */
@Tag("browser")
class FormProtectionTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static ConsoleBrowser browser;
    private static String cookies;

    @BeforeAll
    static void signIn() {
        browser = new ConsoleBrowser().signIn("admin");
        cookies = browser.cookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void everyFormIsRefusedWithoutThisSessionsToken() throws Exception {
        List<String> paths = postPaths();
        assertTrue(paths.size() >= 8, "the page resources' POST methods: " + paths);
        for (String path : paths) {
            for (String body : List.of("", "csrf=" + "A".repeat(43), "csrf=")) {
                HttpResponse<String> answer = post(path, body + "&name=refused&environment=development");
                assertEquals(403, answer.statusCode(), path + " with '" + body + "': " + answer.body());
            }
        }
    }

    @Test
    void theSessionCookieAloneIsWhatMakesTheRequestSignedIn() throws Exception {
        HttpResponse<String> signedIn = get("/auth-configs", cookies);
        assertEquals(200, signedIn.statusCode());
        HttpResponse<String> anonymous = get("/auth-configs", "");
        assertEquals(302, anonymous.statusCode(), "an unsigned browser is sent to Keycloak");
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("code_challenge="), "with PKCE");
        // A cookie another host could have planted (a sibling subdomain, plain HTTP) lacks the prefix: never a session.
        HttpResponse<String> unprefixed = get("/auth-configs", cookies.replace("__Host-", ""));
        assertEquals(302, unprefixed.statusCode(), "the same session without the __Host- prefix signs nobody in");
    }

    @Test
    void everyPageSendsAStrictContentSecurityPolicyAndNoInlineScript() throws Exception {
        HttpResponse<String> page = get("/auth-configs", cookies);
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "every script is a file of the console");
        assertFalse(page.body().contains("style=\""), "no inline style either");
    }

    /** Every POST method's path in the page resources, with made-up ids. */
    private static List<String> postPaths() throws IOException, ClassNotFoundException {
        List<String> paths = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes/dev/latchkey/console/rest");
        try (Stream<java.nio.file.Path> files = Files.list(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.latchkey.console.rest." + name);
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(POST.class)) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (root.value() + (sub == null ? "" : sub.value())).replace("//", "/");
                        paths.add(path.replace("{provider}", "custom").replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
                    }
                }
            }
        }
        return paths;
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ConsoleBrowser.CONSOLE + path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ConsoleBrowser.CONSOLE + path))
                .timeout(Duration.ofSeconds(10));
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
