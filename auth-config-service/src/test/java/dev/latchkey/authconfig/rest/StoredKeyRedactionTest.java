package dev.latchkey.authconfig.rest;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Defence in depth: a key that the form would refuse but that is in the secret store anyway (stored before the rule,
 * or written by another path) makes the test request fail inside the HTTP client, whose message quotes the header.
 * The test result, the auth config, the events and the logs show the failure without the key.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class StoredKeyRedactionTest extends AuthConfigTestBase {

    private static final String CANARY = "canary-9c04-stored-key";

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ParameterizedTest(name = "a key with {0}")
    @ValueSource(strings = {"\n", "\u0000", "\u20ac"})
    void aStoredKeyThatBreaksItsRequestIsNowhereInTheResultTheEventsOrTheLogs(String character) throws IOException {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        api.start();
        try (LogCapture logs = LogCapture.start()) {
            String tenant = newTenant();
            String id = created(tenant, """
                    {"name": "gitea", "category": "oauth2_provider", "provider": "gitea", "type": "api_key",
                     "config": {"host": "127.0.0.1:%d"}, "secrets": {"apiKey": "a-good-key"}}""".formatted(api.getAddress().getPort()));
            storeKey(tenant, UUID.fromString(id), CANARY + character);

            List<String> bodies = new ArrayList<>();
            bodies.add(admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                    .body("ok", equalTo(false)).body("message", containsString("[redacted]")).extract().asString());
            bodies.add(admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("status", equalTo("ERROR")).extract().asString());

            bodies.forEach(body -> assertFalse(body.contains(CANARY), body));
            TopicReader.readUntil(bootstrapServers, "latchkey.auth-configs.v1",
                            record -> record.key().equals(id) && record.value().contains("auth_config.tested"), Duration.ofSeconds(20))
                    .forEach(record -> assertFalse(record.value().contains(CANARY), record.value()));
            logs.lines().forEach(line -> assertFalse(line.contains(CANARY), line));
        } finally {
            api.stop(0);
        }
    }

    /** Writes the key as a new version of the auth config's secret, past the form, and points the row at it. */
    private void storeKey(String tenant, UUID id, String key) {
        long version = secrets.write(SecretPath.authConfig(tenant, id), Map.of("apiKey", key), 1).await().indefinitely();
        pool.preparedQuery("UPDATE auth_configs SET secret_version = $1 WHERE id = $2").execute(Tuple.of(version, id))
                .await().indefinitely();
    }
}
