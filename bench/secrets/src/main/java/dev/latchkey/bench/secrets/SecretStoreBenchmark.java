package dev.latchkey.bench.secrets;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.secrets.local.MasterKeyring;
import dev.latchkey.testing.PostgresTestDatabase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Read and write throughput and latency of the {@code local} secret backend: real envelope encryption, a real
 * PostgreSQL (a fresh database on the machine's server, dropped afterwards). Each write seals a new secret the
 * size of an OAuth2 token set; each read opens a random one of them. Prints operations per second and the
 * p50, p99 and maximum latency of each operation.
 *
 * <p>Arguments: {@code [secrets] [concurrency]}, by default 20000 and 16 requests in flight.
 */
public final class SecretStoreBenchmark {

    /** The store's migrations, in order: the table, and the trigger that notifies each change. */
    private static final List<String> MIGRATIONS = List.of("/db/secrets/V1__create_secrets.sql", "/db/secrets/V2__notify_changes.sql");
    private static final int WARM_UP = 3_000;
    private static final int POOL_SIZE = 8;

    private final LocalSecretStore store;
    private final int concurrency;

    private SecretStoreBenchmark(LocalSecretStore store, int concurrency) {
        this.store = store;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        int secrets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Vertx vertx = Vertx.vertx();
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            createTable(database);
            Pool pool = pool(vertx, database);
            String keyset = MasterKeyring.newKeyset();
            var benchmark = new SecretStoreBenchmark(new LocalSecretStore(pool, new MasterKeyring(() -> keyset), "secrets.secrets"), concurrency);
            benchmark.run(secrets);
            pool.closeAndAwait();
        } finally {
            vertx.closeAndAwait();
        }
    }

    private void run(int secrets) {
        System.out.printf("local secret backend: %d secrets of ~%d bytes, %d requests in flight, pool of %d connections, %d cores%n",
                secrets, TokenSet.SIZE, concurrency, POOL_SIZE, Runtime.getRuntime().availableProcessors());
        List<SecretPath> warmUp = paths(WARM_UP);
        measure(WARM_UP, i -> write(warmUp.get(i)));
        measure(WARM_UP, i -> read(warmUp.get(i)));

        List<SecretPath> paths = paths(secrets);
        Latencies writes = measure(secrets, i -> write(paths.get(i)));
        SecureRandom random = new SecureRandom();
        int[] order = random.ints(secrets, 0, secrets).toArray();
        Latencies reads = measure(secrets, i -> read(paths.get(order[i])));
        System.out.println(writes.report("write"));
        System.out.println(reads.report("read"));
    }

    private Uni<?> write(SecretPath path) {
        return store.write(path, TokenSet.next(), 0);
    }

    private Uni<?> read(SecretPath path) {
        return store.read(path);
    }

    /** Runs {@code operations} operations, {@code concurrency} at a time, and times each one. */
    private Latencies measure(int operations, IntFunction<Uni<?>> operation) {
        long[] nanos = new long[operations];
        long started = System.nanoTime();
        Multi.createFrom().range(0, operations)
                .onItem().transformToUni(i -> {
                    long start = System.nanoTime();
                    return operation.apply(i).invoke(() -> nanos[i] = System.nanoTime() - start);
                })
                .merge(concurrency)
                .collect().last()
                .await().indefinitely();
        return new Latencies(nanos, System.nanoTime() - started);
    }

    private static List<SecretPath> paths(int count) {
        var paths = new ArrayList<SecretPath>(count);
        for (int i = 0; i < count; i++) {
            paths.add(SecretPath.connection("bench", UUID.randomUUID()));
        }
        return paths;
    }

    private static void createTable(PostgresTestDatabase database) throws IOException, SQLException {
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA secrets; SET search_path TO secrets");
            for (String file : MIGRATIONS) {
                try (InputStream migration = SecretStoreBenchmark.class.getResourceAsStream(file)) {
                    statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static Pool pool(Vertx vertx, PostgresTestDatabase database) {
        var connect = PgConnectOptions.fromUri(database.reactiveUrl())
                .setUser(database.user()).setPassword(database.password()).setCachePreparedStatements(true);
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL_SIZE))
                .connectingTo(connect).using(vertx.getDelegate()).build());
    }

    /** What a connection typically keeps: an access token, a refresh token and the client secret. */
    private static final class TokenSet {

        static final int SIZE = 1_200 + 200 + 64;
        private static final SecureRandom RANDOM = new SecureRandom();

        static Map<String, String> next() {
            return Map.of("access_token", random(1_200), "refresh_token", random(200), "client_secret", random(64));
        }

        private static String random(int length) {
            byte[] bytes = new byte[length / 2];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
