package dev.latchkey.secrets.local;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.PostgresTestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The gateway's standing in the local store ({@code latchkey.secrets.local.read-only}): its login role is granted
 * what {@code ./latchkey up} grants {@code latchkey_secrets_reader}, USAGE on the schema and SELECT on its tables, and
 * with that it reads every secret and can change none.
 */
class ReadOnlySecretsTest {

    private static final Map<String, String> FIELDS = Map.of("api_key", "ak_live_0042");

    private static PostgresTestDatabase database;
    private static Vertx vertx;
    private static LocalSecretStore writer;
    private static LocalSecretStore reader;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresTestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .schemas("secrets").defaultSchema("secrets").locations("classpath:db/secrets").load().migrate();
        String readerRole = database.createRole("secrets_reader", "reader-password");
        try (var connection = database.connect(); var sql = connection.createStatement()) {
            sql.execute("GRANT USAGE ON SCHEMA secrets TO " + readerRole);
            sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA secrets TO " + readerRole);
        }
        String keyset = MasterKeyring.newKeyset();
        vertx = Vertx.vertx();
        writer = new LocalSecretStore(pool(database.user(), database.password()), new MasterKeyring(() -> keyset), "secrets.secrets");
        reader = new LocalSecretStore(pool(readerRole, "reader-password"), new MasterKeyring(() -> keyset), "secrets.secrets");
    }

    @AfterAll
    static void stop() {
        vertx.closeAndAwait();
        database.close();
    }

    @Test
    void aRoleThatMaySelectReadsEverySecret() {
        SecretPath path = SecretPath.connection("tenant-a", UUID.randomUUID());
        writer.write(path, FIELDS, 0).await().indefinitely();
        writer.write(path, Map.of("api_key", "ak_live_0043"), 1).await().indefinitely();

        assertEquals(Map.of("api_key", "ak_live_0043"), reader.read(path).await().indefinitely().fields());
        assertEquals(FIELDS, reader.read(path, 1).await().indefinitely().fields());
    }

    @Test
    void aRoleThatMaySelectChangesNothing() {
        SecretPath path = SecretPath.connection("tenant-a", UUID.randomUUID());
        writer.write(path, FIELDS, 0).await().indefinitely();

        assertRefused(() -> reader.write(path, Map.of("api_key", "planted"), 1).await().indefinitely());
        assertRefused(() -> reader.write(SecretPath.connection("tenant-a", UUID.randomUUID()), FIELDS, 0).await().indefinitely());
        assertRefused(() -> reader.delete(path).await().indefinitely());
        assertRefused(() -> reader.destroy(path).await().indefinitely());

        assertEquals(FIELDS, writer.read(path).await().indefinitely().fields());
        assertEquals(1, writer.versions(path).await().indefinitely().size());
    }

    private static void assertRefused(Runnable change) {
        PgException refused = assertThrows(PgException.class, change::run);
        assertEquals("42501", refused.getSqlState(), "insufficient_privilege: " + refused.getMessage());
    }

    private static Pool pool(String user, String password) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(PgConnectOptions.fromUri(database.reactiveUrl()).setUser(user).setPassword(password))
                .using(vertx).build();
    }
}
