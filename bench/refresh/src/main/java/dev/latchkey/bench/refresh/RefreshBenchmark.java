package dev.latchkey.bench.refresh;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.secrets.local.MasterKeyring;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.KafkaTestBroker;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.PostgresTestDatabase;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.ServiceProcess;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * token-refresher under load, on this machine, with the real services started from their packages: a stampede
 * of concurrent credential reads of one connection inside its margin (through connected-apps-service), then a
 * storm of connections all expiring within ten minutes (token-refresher's workers). The provider is a local
 * token endpoint that answers at once, so the figures are Latchkey's own. Prints figures; never fails on them.
 */
public final class RefreshBenchmark {

    /** The tenant of every auth config and connection the benchmark makes (and bench/hotpath's). */
    public static final String TENANT = "bench";

    private final PostgresTestDatabase database;
    private final String kafka;
    private final OidcTestServer oidc;
    private final String masterKey;

    /** The services' shared setting: one database for both, the broker, the OIDC server, the local secret store's key. */
    public RefreshBenchmark(PostgresTestDatabase database, String kafka, OidcTestServer oidc, String masterKey) {
        this.database = database;
        this.kafka = kafka;
        this.oidc = oidc;
        this.masterKey = masterKey;
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.printf("machine: %d cores, %d MiB max heap of the benchmark JVM; PostgreSQL, Kafka and both services on it%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Vertx vertx = Vertx.vertx();
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             KafkaTestBroker broker = KafkaTestBroker.start();
             OidcTestServer oidc = OidcTestServer.start();
             ScriptedTokenEndpoint provider = ScriptedTokenEndpoint.start()) {
            var benchmark = new RefreshBenchmark(database, broker.bootstrapServers(), oidc, MasterKeyring.newKeyset());
            Pool pool = benchmark.pool(vertx);
            LocalSecretStore secrets = new LocalSecretStore(pool, new MasterKeyring(() -> benchmark.masterKey), "secrets.secrets");
            UUID codeFlow = UUID.randomUUID();
            UUID clientCredentials = UUID.randomUUID();
            try (ServiceProcess refresher = benchmark.refresher(Duration.ofHours(1));
                 ServiceProcess connectedApps = benchmark.connectedApps(refresher)) {
                benchmark.authConfig(secrets, codeFlow, "oauth2", provider);
                benchmark.authConfig(secrets, clientCredentials, "oauth2_client_credentials", provider);
                benchmark.awaitProjected(List.of(codeFlow, clientCredentials));
                new Stampede(connectedApps, oidc, provider, benchmark.sql()).run(clientCredentials, readers);
            }
            try (ServiceProcess refresher = benchmark.refresher(Duration.ofSeconds(1))) {
                new Storm(secrets, provider, benchmark.sql()).run(codeFlow, connections);
            }
            pool.closeAndAwait();
        } finally {
            vertx.closeAndAwait();
        }
    }

    /** Plays auth-config-service: an OAuth2 auth config ({@code authType}) at {@code provider}, its secret in the store. */
    public void authConfig(LocalSecretStore secrets, UUID id, String authType, ScriptedTokenEndpoint provider) {
        secrets.write(SecretPath.authConfig(TENANT, id), Map.of("clientSecret", "bench-secret"), 0).await().indefinitely();
        Map<String, Object> config = new HashMap<>(Map.of("tokenUrl", provider.tokenUrl(), "clientId", "bench",
                "tokenRequestAuth", "client_secret_post"));
        if (authType.equals("oauth2")) {
            config.put("authorizationUrl", "http://127.0.0.1:1/authorize");
        }
        EventPublisher.publish(kafka, TENANT, new AuthConfigCreated(id, "bench " + authType, "custom", null, authType, null, config,
                List.of("clientSecret")));
    }

    /** Waits until both services' projections hold these auth configs. */
    public void awaitProjected(List<UUID> authConfigs) {
        for (String schema : List.of("refresher", "connections")) {
            for (UUID id : authConfigs) {
                Eventually.until("the auth config " + id + " in " + schema + ".auth_configs",
                        () -> sql().count("SELECT count(*) FROM " + schema + ".auth_configs WHERE id = '" + id + "'") > 0);
            }
        }
    }

    /** token-refresher, its workers looking for due refreshes every {@code poll}. */
    private ServiceProcess refresher(Duration poll) {
        Map<String, String> config = common("token-refresher");
        config.put("latchkey.refresher.poll-interval", poll.toSeconds() + "s");
        config.put("latchkey.refresher.batch-size", System.getProperty("batch", "128"));
        return ServiceProcess.start("token-refresher", ServiceProcess.freePort(), config);
    }

    private ServiceProcess connectedApps(ServiceProcess refresher) {
        Map<String, String> config = common("connected-apps-service");
        config.put("quarkus.rest-client.token-refresher.url", refresher.baseUrl());
        config.put("quarkus.oidc-client.credentials.secret", "bench");
        return ServiceProcess.start("connected-apps-service", ServiceProcess.freePort(), config);
    }

    /** What {@code service} (token-refresher or connected-apps-service) is started with here; a caller may add to it. */
    public Map<String, String> common(String service) {
        Map<String, String> config = new HashMap<>(database.datasourceConfig(database.user(), database.password()));
        config.put("kafka.bootstrap.servers", kafka);
        config.put("quarkus.oidc.auth-server-url", oidc.issuerUrl());
        config.put("quarkus.oidc.token.audience", OidcTestServer.AUDIENCE);
        config.put("latchkey.secrets.local.master-key", masterKey);
        config.put("latchkey.outbound.allow-http", "true");
        config.put("latchkey.outbound.allow-cidrs", "127.0.0.0/8");
        config.put("quarkus.log.console.json.enabled", "false");
        String group = service + "-bench-" + UUID.randomUUID();
        for (String channel : service.equals("token-refresher") ? List.of("auth-configs", "connections") : List.of("auth-configs", "tokens")) {
            config.put("mp.messaging.incoming." + channel + ".group.id", group);
        }
        return config;
    }

    /** A pool on the benchmark's database, for the secret store. */
    public Pool pool(Vertx vertx) {
        var connect = PgConnectOptions.fromUri(database.reactiveUrl()).setUser(database.user()).setPassword(database.password())
                .setCachePreparedStatements(true);
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(connect)
                .using(vertx.getDelegate()).build());
    }

    /** Plain SQL on the benchmark's database, for seeding and for reading what the services did. */
    public Sql sql() {
        return new Sql(database);
    }

    /** A JDBC connection per statement: the benchmark's own reads and writes are few. */
    public record Sql(PostgresTestDatabase database) {

        public long count(String query) throws SQLException {
            try (Connection connection = database.connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        Instant instant(String query) throws SQLException {
            try (Connection connection = database.connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery(query)) {
                rows.next();
                return rows.getTimestamp(1) == null ? null : rows.getTimestamp(1).toInstant();
            }
        }

        void execute(String statementText) throws SQLException {
            try (Connection connection = database.connect(); var statement = connection.createStatement()) {
                statement.execute(statementText);
            }
        }

        Connection connect() throws SQLException {
            return database.connect();
        }
    }
}
