package dev.latchkey.bench.hotpath;

import dev.latchkey.bench.audit.AuditBenchmark;
import dev.latchkey.bench.refresh.RefreshBenchmark;
import dev.latchkey.bench.refresh.Stampede;
import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.secrets.local.MasterKeyring;
import dev.latchkey.testing.KafkaTestBroker;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.PostgresTestDatabase;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.mutiny.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The hot paths as ratios, in one run, to the service's token-check-only endpoint and to pgbench on the same
 * PostgreSQL: credential reads (closed and open loop), durability of their audit under kill -9, connection reads,
 * the stampede, audit ingestion and the services' footprint. The services run from their packages on this machine's
 * PostgreSQL (a fresh database), an embedded Kafka broker, mock-oauth2-server and a local token endpoint that answers
 * at once. Prints figures and a summary table; never fails on them.
 */
public final class HotpathBenchmark {

    /** API-key connections in the tenant: with the OAuth2 one, more than the list's first page (20). */
    static final int API_KEY_CONNECTIONS = 20;

    private HotpathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        System.out.printf("machine: %d cores; PostgreSQL, Kafka, the services and the benchmark (load client on %d event loops)"
                + " all on it; %s%n", Runtime.getRuntime().availableProcessors(), LoadClient.EVENT_LOOPS, settings);
        Summary summary = new Summary();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LoadClient.EVENT_LOOPS));
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             KafkaTestBroker broker = KafkaTestBroker.start();
             OidcTestServer oidc = OidcTestServer.start();
             ScriptedTokenEndpoint provider = ScriptedTokenEndpoint.start()) {
            PgBench.Tps pgbench = PgBench.measure(settings.callers(), settings.duration());
            summary.information("reference pgbench -S", String.format("%.0f TPS", pgbench.selectOnly()));
            summary.information("information pgbench -N", String.format("%.0f TPS", pgbench.simpleUpdate()));
            // First, while the broker is empty: its audit-service reads every topic from the start.
            System.out.println("figure 5 audit ingestion (bench/audit's AuditBenchmark, an audit-service of its own):");
            AuditBenchmark.run(broker, oidc, settings.auditEvents(), settings.auditRate(), settings.auditLag());
            summary.information("5 audit ingestion and lag", "printed by bench/audit above");

            String masterKey = MasterKeyring.newKeyset();
            var setting = new RefreshBenchmark(database, broker.bootstrapServers(), oidc, masterKey);
            Pool pool = setting.pool(io.vertx.mutiny.core.Vertx.newInstance(vertx));
            LocalSecretStore secrets = new LocalSecretStore(pool, new MasterKeyring(() -> masterKey), "secrets.secrets");
            Suite suite = new Suite(setting);
            Connections connections = new Connections(setting, broker.bootstrapServers(), oidc);
            Footprint footprint = new Footprint(database, summary);
            String reader = oidc.accessToken(RefreshBenchmark.TENANT, "hotpath-reader", "credentials:read");
            String viewer = oidc.accessToken(RefreshBenchmark.TENANT, "hotpath-viewer", "viewer");
            try (ServiceProcess refresher = suite.refresher()) {
                UUID apiKeyConfig;
                try (ServiceProcess connectedApps = suite.connectedApps(refresher, settings.profile());
                     LoadClient client = new LoadClient(vertx, connectedApps.baseUrl(), settings.callers())) {
                    apiKeyConfig = connections.apiKeyAuthConfig();
                    UUID clientCredentialsConfig = connections.clientCredentialsAuthConfig(secrets, provider);
                    List<String> apiKeys = new ArrayList<>();
                    for (int i = 0; i < API_KEY_CONNECTIONS; i++) {
                        apiKeys.add(connections.apiKey(connectedApps, apiKeyConfig, "api key " + i));
                    }
                    String oauth2 = connections.clientCredentials(connectedApps, clientCredentialsConfig, "client credentials");

                    HotPaths hotPaths = new HotPaths(client, connectedApps.pid(), settings, summary, reader, viewer);
                    hotPaths.warmUp(apiKeys.get(0), oauth2);
                    Outcome caller = hotPaths.caller();
                    hotPaths.credentialReads(apiKeys.get(0), oauth2, caller, pgbench);
                    hotPaths.connectionReads(apiKeys.get(0), caller);

                    Stampede.Result stampede = new Stampede(connectedApps, oidc, provider, setting.sql())
                            .run(clientCredentialsConfig, settings.readers());
                    summarize(stampede, settings.readers(), summary);

                    footprint.measure("connected-apps-service", connectedApps.pid(), "after figures 1, 3, 4");
                    footprint.pools();
                }
                new Durability(new Durability.Setting(() -> suite.connectedApps(refresher, false), connections, apiKeyConfig, database,
                        broker, oidc, vertx), settings, summary, footprint).run(reader);
                footprint.measure("token-refresher", refresher.pid(), "after figures 1 to 4");
            }
            pool.closeAndAwait();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        summary.print();
        if (settings.profile()) {
            Profile.print("connected-apps-service", Suite.RECORDING);
        }
    }

    /** Figure 4's rows: bench/refresh's stampede prints its own lines. */
    private static void summarize(Stampede.Result stampede, int readers, Summary summary) {
        summary.exactly("4 stampede token requests", stampede.tokenRequests(), 1);
        summary.atMost("4 stampede wait p99", stampede.p99(), "ms", 1000);
        summary.information("4 stampede wait p50, 200s", stampede.p50() + " ms, " + stampede.ok() + " of " + readers);
        summary.information("4 stampede floor: " + readers + " concurrent GET /api/v1/caller p50 / p99",
                stampede.floorP50() + " / " + stampede.floorP99() + " ms");
    }
}
