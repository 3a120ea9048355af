package dev.latchkey.bench.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser, as far as the server can tell: it follows the console's redirect to Keycloak, posts the login
 * form, follows the code back and keeps the cookies (by hand: Java's cookie store sends no {@code Secure} cookie over
 * http, and the console's are all {@code Secure}; localhost is a secure context to a real browser).
 */
final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    static Browser signedIn(String console, String user, String password) throws IOException, InterruptedException {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.follow(URI.create(console + "/auth-configs"));
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + page.uri() + ": " + page.statusCode());
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        HttpResponse<String> landed = browser.followFrom(posted);
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(console)) {
            throw new IllegalStateException("sign-in ended at " + landed.uri() + " with " + landed.statusCode());
        }
        return browser;
    }

    /** A GET of a page, as a browser would send it; the answer read whole. */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> follow(URI uri) throws IOException, InterruptedException {
        return followFrom(send(HttpRequest.newBuilder(uri).GET()));
    }

    private HttpResponse<String> followFrom(HttpResponse<String> answer) throws IOException, InterruptedException {
        HttpResponse<String> current = answer;
        for (int hop = 0; hop < 10 && current.statusCode() / 100 == 3; hop++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET());
        }
        return current;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String header : answer.headers().allValues("Set-Cookie")) {
            Matcher cookie = COOKIE.matcher(header);
            if (cookie.find()) {
                if (header.toLowerCase().contains("max-age=0") || cookie.group(2).isEmpty()) {
                    cookies.remove(cookie.group(1).strip());
                } else {
                    cookies.put(cookie.group(1).strip(), cookie.group(2));
                }
            }
        }
        return answer;
    }
}
