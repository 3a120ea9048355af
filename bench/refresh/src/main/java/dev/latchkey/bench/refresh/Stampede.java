package dev.latchkey.bench.refresh;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many concurrent credential reads of one connection whose token is inside its refresh margin: how many token
 * requests reach the provider (target 1) and how long the readers wait. The connection is a client-credentials
 * one whose tokens live 20 s, so it is due at half time; token-refresher's own workers are idle meanwhile. Just before,
 * as many concurrent requests of the service's token-check-only endpoint from the same client give the floor: what
 * opening that many connections at once and checking a token costs on this machine, with no read behind it.
 */
public final class Stampede {

    /**
     * What the readers saw: token requests that reached the provider, 200s, distinct tokens, waits in ms; and the
     * floor's p50 and p99 in ms.
     */
    public record Result(int tokenRequests, long ok, int distinctTokens, long p50, long p99, long max, long floorP50,
                         long floorP99) {
    }

    /** What concurrent requests got: their statuses, bodies, and waits in ms, sorted. */
    private record Answers(List<Integer> statuses, List<String> bodies, List<Long> waits) {

        long ok() {
            return statuses.stream().filter(status -> status == 200).count();
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private final ServiceProcess connectedApps;
    private final OidcTestServer oidc;
    private final ScriptedTokenEndpoint provider;
    private final RefreshBenchmark.Sql sql;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public Stampede(ServiceProcess connectedApps, OidcTestServer oidc, ScriptedTokenEndpoint provider, RefreshBenchmark.Sql sql) {
        this.connectedApps = connectedApps;
        this.oidc = oidc;
        this.provider = provider;
        this.sql = sql;
    }

    public Result run(UUID authConfig, int readers) throws Exception {
        provider.expiresIn(20);
        String warmUp = connectionDueSoon(authConfig);
        String id = connectionDueSoon(authConfig);
        Instant authorized = Instant.now();
        waitPastHalfLife(authorized);
        // One read of another connection first: the services' code paths are compiled and connected-apps-service's
        // own token for calling token-refresher is fetched, as on any service that has run for a while.
        send(read(warmUp));
        // A client of its own, so the readers still open their connections as they did before the floor was measured.
        Answers floor = concurrently(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), caller(), readers);
        int before = provider.requests().size();
        Answers reads = concurrently(http, read(id), readers);

        Set<String> tokens = new HashSet<>();
        for (String body : reads.bodies()) {
            Matcher access = ACCESS_TOKEN.matcher(body);
            if (access.find()) {
                tokens.add(access.group(1));
            }
        }
        List<Long> sorted = reads.waits();
        long ok = reads.ok();
        var result = new Result(provider.requests().size() - before, ok, tokens.size(), percentile(sorted, 50),
                percentile(sorted, 99), sorted.get(sorted.size() - 1), percentile(floor.waits(), 50), percentile(floor.waits(), 99));
        System.out.printf("stampede: %d concurrent credential reads of one connection inside its margin%n", readers);
        System.out.printf("  token requests to the provider: %d (target 1)%n", result.tokenRequests());
        System.out.printf("  answered 200: %d; distinct access tokens handed out: %d%n", ok, result.distinctTokens());
        System.out.printf("  wait p50 %d ms, p99 %d ms, max %d ms%n", result.p50(), result.p99(), result.max());
        System.out.printf("  floor, just before: %d concurrent GET /api/v1/caller from a client alike (%d answered 200): p50 %d ms,"
                + " p99 %d ms%n", readers, floor.ok(), result.floorP50(), result.floorP99());
        return result;
    }

    /** {@code count} copies of {@code request} sent at once by {@code client}, each on a connection of its own. */
    private static Answers concurrently(HttpClient client, HttpRequest request, int count) {
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                waits.add((System.nanoTime() - started) / 1_000_000);
                statuses.add(response.statusCode());
                bodies.add(response.body());
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        List<Long> sorted = new ArrayList<>(waits);
        Collections.sort(sorted);
        return new Answers(List.copyOf(statuses), List.copyOf(bodies), sorted);
    }

    /** A client-credentials connection whose 20-second tokens token-refresher has scheduled. */
    private String connectionDueSoon(UUID authConfig) throws Exception {
        String created = send(post("/api/v1/connections", oidc.accessToken(RefreshBenchmark.TENANT, "bench", "admin"), """
                {"authConfigId": "%s", "environment": "production", "name": "stampede"}""".formatted(authConfig))).body();
        Matcher id = ID.matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("the connection was not made: " + created);
        }
        Eventually.until("token-refresher's schedule of " + id.group(1),
                () -> sql.count("SELECT count(*) FROM refresher.refresh_schedule WHERE connection_id = '" + id.group(1) + "'") > 0);
        return id.group(1);
    }

    /** Past half the token's 20 s: inside the margin of both services. */
    private static void waitPastHalfLife(Instant authorized) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), authorized.plusSeconds(13)).toMillis()));
    }

    private HttpRequest caller() {
        return HttpRequest.newBuilder(URI.create(connectedApps.baseUrl() + "/api/v1/caller"))
                .header("Authorization", "Bearer " + oidc.accessToken(RefreshBenchmark.TENANT, "bench-reader", "credentials:read"))
                .timeout(Duration.ofSeconds(60)).build();
    }

    private HttpRequest read(String connection) {
        return HttpRequest.newBuilder(URI.create(connectedApps.baseUrl() + "/api/v1/connections/" + connection + "/credentials"))
                .header("Authorization", "Bearer " + oidc.accessToken(RefreshBenchmark.TENANT, "bench-reader", "credentials:read"))
                .timeout(Duration.ofSeconds(60)).build();
    }

    private HttpRequest post(String path, String bearer, String body) {
        return HttpRequest.newBuilder(URI.create(connectedApps.baseUrl() + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
