package dev.latchkey.bench.proxy;

import dev.latchkey.bench.hotpath.LoadClient;
import dev.latchkey.bench.hotpath.LoadClient.Request;
import dev.latchkey.bench.hotpath.Outcome;
import dev.latchkey.bench.hotpath.PgBench;
import dev.latchkey.bench.hotpath.Profile;
import dev.latchkey.bench.refresh.RefreshBenchmark;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.secrets.local.MasterKeyring;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.KafkaTestBroker;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.PostgresTestDatabase;
import dev.latchkey.testing.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls through the gateway against the same calls made directly to the API, in one run on this machine: throughput at
 * {@code callers} concurrent callers (closed loop), also as ratios to the gateway's own token-check-only endpoint and to
 * pgbench on the same PostgreSQL, latency at a fixed rate (open loop: from when each request was
 * due), the latency the gateway adds (its percentiles less the direct ones), and the gateway's resident memory while a
 * {@code streamMiB} answer streams through it, then a request body of that size. The API is a Vert.x server on loopback answering at once; the gateway
 * runs from its package with its usual JVM options, on this machine's PostgreSQL (a fresh database), an embedded Kafka
 * broker and mock-oauth2-server. With {@code -Dprofile=true} the gateway runs under Flight Recorder and its top frames
 * are printed at the end. Prints figures; never fails on them.
 */
public final class ProxyBenchmark {

    private static final String UNREACHABLE_RATE = "1000000000";
    private static final Path RECORDING = Path.of("target", "gateway.jfr").toAbsolutePath();

    private ProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int callers = Integer.getInteger("callers", 32);
        Duration duration = Duration.ofSeconds(Integer.getInteger("duration", 15));
        int rate = Integer.getInteger("rate", 500);
        Duration openLoop = Duration.ofSeconds(Integer.getInteger("openSeconds", 20));
        long streamBytes = Long.getLong("streamMiB", 200) * 1024 * 1024;
        boolean profiled = Boolean.getBoolean("profile");
        System.out.printf("machine: %d cores; PostgreSQL, Kafka, the gateway, the API and the load client (%d event loops)"
                        + " all on it; %d callers for %d s, %d req/s for %d s, a %d MiB stream%n", Runtime.getRuntime().availableProcessors(),
                LoadClient.EVENT_LOOPS, callers, duration.toSeconds(), rate, openLoop.toSeconds(), streamBytes >> 20);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LoadClient.EVENT_LOOPS));
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             KafkaTestBroker broker = KafkaTestBroker.start();
             OidcTestServer oidc = OidcTestServer.start();
             Upstream api = Upstream.start(vertx);
             GiteaApi gitea = GiteaApi.start(vertx)) {
            PgBench.Tps pgbench = PgBench.measure(callers, duration);
            System.out.printf("reference pgbench -S: %.0f TPS; pgbench -N: %.0f TPS%n", pgbench.selectOnly(), pgbench.simpleUpdate());
            String masterKey = MasterKeyring.newKeyset();
            RefreshBenchmark setting = new RefreshBenchmark(database, broker.bootstrapServers(), oidc, masterKey);
            try (ServiceProcess connectedApps = connectedApps(setting);
                 ServiceProcess gateway = gateway(setting, profiled, connectedApps, gitea)) {
                LocalSecretStore secrets = new LocalSecretStore(setting.pool(io.vertx.mutiny.core.Vertx.newInstance(vertx)),
                        new MasterKeyring(() -> masterKey), "secrets.secrets");
                UUID connection = connection(setting, secrets, broker.bootstrapServers(), api.url());
                String agent = oidc.accessToken(RefreshBenchmark.TENANT, "bench-agent", "connections:call");
                List<String> direct = List.of("/hello");
                List<String> proxied = List.of("/api/v1/proxy/" + connection + "/hello");
                try (LoadClient toApi = new LoadClient(vertx, api.url(), callers);
                     LoadClient toGateway = new LoadClient(vertx, gateway.baseUrl(), callers)) {
                    System.out.println("warming up both ways for 10 s each");
                    toApi.closedLoop(direct, agent, callers, Duration.ofSeconds(10));
                    toGateway.closedLoop(proxied, agent, callers, Duration.ofSeconds(10));

                    Outcome apiLoad = toApi.closedLoop(direct, agent, callers, duration);
                    Outcome gatewayLoad = toGateway.closedLoop(proxied, agent, callers, duration);
                    Outcome tokenCheck = toGateway.closedLoop(List.of("/api/v1/caller"), agent, callers, duration);
                    System.out.printf("throughput, %d callers: direct %s%n", callers, apiLoad.describe());
                    System.out.printf("throughput, %d callers: through the gateway %s%n", callers, gatewayLoad.describe());
                    System.out.printf("reference, %d callers: the gateway's token check only (GET /api/v1/caller) %s%n", callers,
                            tokenCheck.describe());

                    Outcome apiOpen = toApi.openLoop(direct, agent, rate, openLoop);
                    Outcome gatewayOpen = toGateway.openLoop(proxied, agent, rate, openLoop);
                    System.out.printf("latency, %d req/s: direct %s%n", rate, apiOpen.describe());
                    System.out.printf("latency, %d req/s: through the gateway %s%n", rate, gatewayOpen.describe());

                    System.out.println();
                    System.out.printf("FIGURE added latency p50: %.2f ms (target <= 2 ms)%n",
                            gatewayOpen.latencies().millis(50) - apiOpen.latencies().millis(50));
                    System.out.printf("FIGURE added latency p99: %.2f ms (target <= 10 ms)%n",
                            gatewayOpen.latencies().millis(99) - apiOpen.latencies().millis(99));
                    System.out.printf("FIGURE throughput through the gateway: %.0f req/s = %.2fx direct (%.0f req/s; target >= 0.5x)%n",
                            gatewayLoad.perSecond(), gatewayLoad.perSecond() / apiLoad.perSecond(), apiLoad.perSecond());
                    System.out.printf("FIGURE the same as ratios: %.2fx the gateway's token check (%.0f req/s), %.2fx pgbench -S, %.2fx"
                                    + " pgbench -N%n", gatewayLoad.perSecond() / tokenCheck.perSecond(), tokenCheck.perSecond(),
                            gatewayLoad.perSecond() / pgbench.selectOnly(), gatewayLoad.perSecond() / pgbench.simpleUpdate());
                    toolCalls(Toolkit.make(setting, connectedApps, oidc, broker.bootstrapServers(), gitea), gateway, toGateway,
                            agent, callers, duration, tokenCheck, pgbench);
                }
                stream(vertx, gateway, connection, agent, streamBytes);
                upload(vertx, gateway, connection, agent, streamBytes);
            }
            if (profiled) {
                Profile.print("gateway", RECORDING);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /**
     * The tool-call figures: one catalog action ({@code gitea_get_issue}) run by a workflow through
     * {@code POST /api/v1/actions/...} and called by an agent as an MCP tool (its toolkit token introspected by
     * connected-apps-service on every request), and an MCP {@code ping} (the introspection alone), each a closed loop of
     * {@code callers}, as ratios to the gateway's token check measured above and to pgbench.
     */
    private static void toolCalls(Toolkit toolkit, ServiceProcess gateway, LoadClient toGateway, String agent, int callers,
            Duration duration, Outcome tokenCheck, PgBench.Tps pgbench) throws Exception {
        toolkit.checkOnce(gateway);
        List<Request> run = List.of(Request.post(toolkit.actionPath(), Toolkit.actionInput()));
        List<Request> tool = List.of(Request.post("/mcp", Toolkit.toolCall()));
        List<Request> ping = List.of(Request.post("/mcp", Toolkit.ping()));
        System.out.println("warming up the action run and the tool call for 10 s each");
        toGateway.closedLoopOf(run, agent, callers, Duration.ofSeconds(10));
        toGateway.closedLoopOf(tool, toolkit.token(), callers, Duration.ofSeconds(10));
        Outcome runLoad = toGateway.closedLoopOf(run, agent, callers, duration);
        Outcome toolLoad = toGateway.closedLoopOf(tool, toolkit.token(), callers, duration);
        Outcome pingLoad = toGateway.closedLoopOf(ping, toolkit.token(), callers, duration);
        System.out.printf("throughput, %d callers: the action run (POST /api/v1/actions/…/get_issue) %s%n", callers, runLoad.describe());
        System.out.printf("throughput, %d callers: the MCP tool call (tools/call gitea_get_issue) %s%n", callers, toolLoad.describe());
        System.out.printf("throughput, %d callers: the MCP ping (the toolkit token's introspection only) %s%n", callers,
                pingLoad.describe());
        System.out.printf("FIGURE tool call: %.0f req/s = %.2fx the gateway's token check, %.2fx the same action run directly,"
                        + " %.2fx pgbench -S, %.2fx pgbench -N%n", toolLoad.perSecond(), toolLoad.perSecond() / tokenCheck.perSecond(),
                toolLoad.perSecond() / runLoad.perSecond(), toolLoad.perSecond() / pgbench.selectOnly(),
                toolLoad.perSecond() / pgbench.simpleUpdate());
        System.out.printf("FIGURE MCP ping (introspection): %.0f req/s = %.2fx the gateway's token check%n", pingLoad.perSecond(),
                pingLoad.perSecond() / tokenCheck.perSecond());
    }

    /**
     * connected-apps-service, which issues toolkit tokens and introspects them for the gateway (a service's calls are
     * never rate-limited).
     */
    private static ServiceProcess connectedApps(RefreshBenchmark setting) {
        Map<String, String> config = setting.common("connected-apps-service");
        config.put("quarkus.datasource.reactive.additional-properties.application_name", "connected-apps-service");
        return ServiceProcess.start("connected-apps-service", ServiceProcess.freePort(), config);
    }

    /**
     * The gateway from its package, the rate limits out of reach so that the figures are the path's; JFR when profiled.
     * It asks {@code connectedApps} about toolkit tokens and trusts the Gitea's certificate.
     */
    private static ServiceProcess gateway(RefreshBenchmark setting, boolean profiled, ServiceProcess connectedApps, GiteaApi gitea) {
        Map<String, String> config = setting.common("gateway");
        config.put("quarkus.rest-client.connected-apps-service.url", connectedApps.baseUrl());
        config.put("latchkey.gateway.trusted-certificates", gitea.certificate().toString());
        String group = "gateway-bench-" + UUID.randomUUID();
        for (String channel : List.of("auth-configs", "connections", "tokens")) {
            config.put("mp.messaging.incoming." + channel + ".group.id", group);
        }
        for (String limit : List.of("caller", "tenant")) {
            config.put("latchkey.security.rate-limit." + limit + ".per-second", UNREACHABLE_RATE);
            config.put("latchkey.security.rate-limit." + limit + ".burst", UNREACHABLE_RATE);
        }
        config.put("latchkey.gateway.max-response-bytes", "1G");
        config.put("quarkus.datasource.reactive.additional-properties.application_name", "gateway");
        return ServiceProcess.start("gateway", ServiceProcess.freePort(), config, profiled ? Profile.jvmOptions(RECORDING) : List.of());
    }

    /**
     * A connection of a custom API-key auth config whose API is {@code apiUrl}, as auth-config-service and
     * connected-apps-service would publish them; once the gateway knows it.
     */
    private static UUID connection(RefreshBenchmark setting, LocalSecretStore secrets, String kafka, String apiUrl) {
        UUID authConfig = UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        String tenant = RefreshBenchmark.TENANT;
        EventPublisher.publish(kafka, tenant, new AuthConfigCreated(authConfig, "bench API", "custom", null, "api_key", null,
                Map.of("name", "X-Api-Key", "in", "header", "prefix", "", "baseUrl", apiUrl), List.of()));
        long version = secrets.write(SecretPath.connection(tenant, connection), Map.of("apiKey", "bench-key"), 0).await().indefinitely();
        EventPublisher.publish(kafka, tenant, new ConnectionCreated(connection, authConfig, "bench", "production", null, "api_key",
                "ACTIVE", null, Map.of(), version));
        Eventually.until("the connection in the gateway's projection", () -> setting.sql()
                .count("SELECT count(*) FROM gateway.connections c JOIN gateway.auth_configs a ON a.id = c.auth_config_id"
                        + " WHERE c.id = '" + connection + "'") == 1);
        return connection;
    }

    /** {@code bytes} streamed through the gateway and read as they come; the gateway's resident memory meanwhile. */
    private static void stream(Vertx vertx, ServiceProcess gateway, UUID connection, String agent, long bytes) {
        URI base = URI.create(gateway.baseUrl());
        var client = vertx.createHttpClient();
        AtomicLong received = new AtomicLong();
        long before = PeakRss.mib(gateway.pid());
        long started = System.nanoTime();
        long peak = PeakRss.during(gateway.pid(), () -> client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(base.getHost()).setPort(base.getPort()).setURI("/api/v1/proxy/" + connection + "/stream/" + bytes)
                        .putHeader("Authorization", "Bearer " + agent))
                .compose(request -> request.send())
                .compose(response -> {
                    response.handler(chunk -> received.addAndGet(chunk.length()));
                    return response.end();
                })
                .toCompletionStage().toCompletableFuture().join());
        double seconds = (System.nanoTime() - started) / 1e9;
        client.close();
        System.out.printf("FIGURE %d MiB streamed through the gateway in %.1f s (%.0f MiB/s): its RSS %d MiB before, peak %d MiB"
                        + " while streaming (+%d MiB)%n", received.get() >> 20, seconds, (received.get() >> 20) / seconds, before, peak,
                peak - before);
    }

    /** A {@code bytes} request body streamed through the gateway as the API reads it; the gateway's resident memory meanwhile. */
    private static void upload(Vertx vertx, ServiceProcess gateway, UUID connection, String agent, long bytes) {
        URI base = URI.create(gateway.baseUrl());
        var client = vertx.createHttpClient();
        long before = PeakRss.mib(gateway.pid());
        long started = System.nanoTime();
        String[] answer = new String[1];
        long peak = PeakRss.during(gateway.pid(), () -> answer[0] = client.request(new RequestOptions().setMethod(HttpMethod.PUT)
                        .setHost(base.getHost()).setPort(base.getPort()).setURI("/api/v1/proxy/" + connection + "/upload")
                        .putHeader("Authorization", "Bearer " + agent).putHeader("Content-Length", String.valueOf(bytes)))
                .compose(request -> {
                    Blocks.write(request, bytes);
                    return request.response();
                })
                .compose(response -> response.body())
                .map(body -> body.toString())
                .toCompletionStage().toCompletableFuture().join());
        double seconds = (System.nanoTime() - started) / 1e9;
        client.close();
        long received = answer[0].matches("[0-9]+") ? Long.parseLong(answer[0]) : -1;
        System.out.printf("FIGURE a %d MiB request body streamed through the gateway in %.1f s (%.0f MiB/s; the API got %d"
                        + " bytes of %d): its RSS %d MiB before, peak %d MiB while streaming (+%d MiB)%n", bytes >> 20, seconds,
                (bytes >> 20) / seconds, received, bytes, before, peak, peak - before);
    }
}
