package dev.latchkey.connectedapps.consumers;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigDeleted;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projection follows auth-config-service's events: created, updated (newest version wins), deleted, once each. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class KnownAuthConfigConsumerTest {

    private static final URI SOURCE = EventSource.AUTH_CONFIG_SERVICE.uri();

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theProjectionKeepsTheNewestStateOfEachAuthConfigOnce() {
        UUID id = UUID.randomUUID();
        CloudEvent created = event(new AuthConfigCreated(id, "GitHub", "oauth2_provider", "github", "oauth2", "production",
                Map.of("clientId", "Iv1.abc", "scopes", List.of("repo")), List.of("clientSecret")));
        publish(created);
        publish(created);
        publish(event(new AuthConfigUpdated(id, "GitHub main", "production", List.of("config.scopes"), 2,
                Map.of("clientId", "Iv1.abc", "scopes", List.of("repo", "read:user")), List.of("clientSecret"))));
        publish(event(new AuthConfigUpdated(id, "stale replay", "production", List.of("name"), 1, Map.of(), List.of())));

        Row row = awaitRow(id, r -> r.getLong("version") == 2);
        assertEquals("GitHub main", row.getString("name"));
        assertEquals("demo", row.getString("tenant"));
        assertEquals("object", row.getString("config_type"));
        assertEquals("[\"repo\", \"read:user\"]", row.getString("scopes"));
        assertEquals("{clientSecret}", row.getString("sealed"));

        publish(event(new AuthConfigDeleted(id, "GitHub main")));
        assertTrue(awaitRow(id, r -> r.getBoolean("deleted")).getBoolean("deleted"));
    }

    /**
     * A token URL is where the client secret and every refresh token go: an auth config event that any other service
     * (or anyone who got to write to the topic) made up must not move it. The forgery claims a version ahead of the
     * genuine edit that follows it on the same partition: had it been applied, the newest version would have won and
     * the genuine edit would have been dropped as stale.
     */
    @Test
    void anAuthConfigEventFromAnotherSourceIsSkipped() {
        UUID id = UUID.randomUUID();
        publish(event(new AuthConfigCreated(id, "IdP", "custom", null, "oauth2", "production",
                Map.of("tokenUrl", "https://idp.example.com/token"), List.of("clientSecret"))));
        AuthConfigUpdated moved = new AuthConfigUpdated(id, "IdP", "production", List.of("config.tokenUrl"), 9,
                Map.of("tokenUrl", "https://attacker.example/token"), List.of("clientSecret"));
        publish(EventJson.envelope(moved, EventSource.CONNECTED_APPS_SERVICE.uri(), "demo", "user:mallory"));
        publish(event(new AuthConfigUpdated(id, "IdP renamed", "production", List.of("name"), 2,
                Map.of("tokenUrl", "https://idp.example.com/token"), List.of("clientSecret"))));

        Row row = awaitRow(id, r -> r.getLong("version") == 2);
        assertEquals("IdP renamed", row.getString("name"));
        assertEquals(0, count("SELECT count(*) FROM auth_configs WHERE config->>'tokenUrl' LIKE '%attacker%'"));
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private Row awaitRow(UUID id, Predicate<Row> condition) {
        return Eventually.returns("the projection to reach the expected state", () -> {
            Row row = row(id).orElseThrow(() -> new AssertionError("no row yet"));
            assertTrue(condition.test(row), () -> "the row: " + row.toJson());
            return row;
        });
    }

    private Optional<Row> row(UUID id) {
        var rows = pool.preparedQuery("SELECT *, jsonb_typeof(config) AS config_type, config->>'scopes' AS scopes, sealed_fields::text AS sealed"
                + " FROM auth_configs WHERE id = $1").execute(Tuple.of(id)).await().indefinitely();
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    private static CloudEvent event(EventData data) {
        return EventJson.envelope(data, SOURCE, "demo", "user:alice");
    }

    private void publish(CloudEvent event) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUTH_CONFIGS, event.subject(), EventJson.write(event)));
        }
    }
}
