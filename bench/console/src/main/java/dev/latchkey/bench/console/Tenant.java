package dev.latchkey.bench.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The demo tenant filled to a size through the public APIs, as an admin: custom API-key auth configs, and connections
 * made from them in turn. What is there already counts, so a second run adds nothing.
 */
final class Tenant {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_CONFIGS = "http://localhost:8081/api/v1/auth-configs";
    private static final String CONNECTIONS = "http://localhost:8082/api/v1/connections";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    private Tenant(String token) {
        this.token = token;
    }

    /** Signs in as the demo admin with the password grant of the CLI's client, as ./latchkey token does. */
    static Tenant asAdmin(String issuer, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=latchkey-cli&username=admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Tenant(JSON.readTree(answer.body()).path("access_token").asText());
    }

    /** The ids of the tenant's auth configs, made up to {@code wanted}. */
    List<String> authConfigs(int wanted) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>(ids(AUTH_CONFIGS));
        ids.addAll(inParallel(ids.size(), wanted, n -> create(AUTH_CONFIGS, "{\"name\":\"Bench API " + n
                + "\",\"category\":\"custom\",\"type\":\"api_key\",\"environment\":\"development\","
                + "\"config\":{\"name\":\"X-Api-Key\",\"in\":\"header\",\"baseUrl\":\"https://api" + n + ".example.com\"},"
                + "\"secrets\":{\"apiKey\":\"bench-key-" + n + "-0123456789\"}}")));
        return ids;
    }

    /** Connections made from the auth configs in turn, up to {@code wanted}; how many the tenant has then. */
    int connections(int wanted, List<String> authConfigIds) throws IOException, InterruptedException {
        int have = ids(CONNECTIONS).size();
        inParallel(have, wanted, n -> create(CONNECTIONS, "{\"authConfigId\":\"" + authConfigIds.get(n % authConfigIds.size())
                + "\",\"environment\":\"development\",\"name\":\"Bench account " + n + "\"}"));
        return Math.max(have, wanted);
    }

    private static List<String> inParallel(int from, int to, IntFunction<String> make) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> made = IntStream.range(from, Math.max(from, to))
                    .mapToObj(n -> CompletableFuture.supplyAsync(() -> make.apply(n), pool)).toList();
            return made.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One POST, asked again while the service says to wait (429, Retry-After: its per-caller limit) or does not know
     * the auth config yet (connected-apps-service learns of it from its event); the new object's id.
     */
    private String create(String url, String body) {
        try {
            while (true) {
                HttpResponse<String> answer = http.send(post(url, body), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    return JSON.readTree(answer.body()).path("id").asText();
                }
                if (answer.statusCode() == 429) {
                    Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
                } else if (answer.statusCode() == 400 && answer.body().contains("\"authConfigId\"")) {
                    Thread.sleep(200);
                } else {
                    throw new IllegalStateException(url + " refused: " + answer.statusCode() + " " + answer.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token() {
        return token;
    }

    private List<String> ids(String list) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = list + "?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
