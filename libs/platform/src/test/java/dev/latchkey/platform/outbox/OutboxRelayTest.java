package dev.latchkey.platform.outbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.KafkaTestBroker;
import dev.latchkey.testing.PostgresTestDatabase;
import dev.latchkey.testing.TopicReader;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.context.spi.ContextManagerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The relay against a real PostgreSQL and a real broker that this test stops and restarts. */
class OutboxRelayTest {

    private static final Duration LEASE = Duration.ofSeconds(12);

    private static PostgresTestDatabase database;
    private static KafkaTestBroker broker;
    private static Vertx vertx;
    private static Pool pool;
    private final List<KafkaProducer<String, String>> producers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // Outside Quarkus, context propagation initialises lazily and not thread-safely: do it before relays race.
        ContextManagerProvider.instance();
        database = PostgresTestDatabase.create();
        try (var connection = database.connect(); var sql = connection.createStatement()) {
            for (String migration : List.of("V0_1_1__create_outbox.sql", "V0_1_5__outbox_rows_leave_when_sent_under_one_lease.sql",
                    "V0_1_6__outbox_row_holds_a_batch.sql")) {
                try (var file = OutboxRelayTest.class.getResourceAsStream("/db/platform/" + migration)) {
                    sql.execute(new String(file.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        broker = KafkaTestBroker.startEmbedded();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
                .connectingTo(PgConnectOptions.fromUri(database.reactiveUrl())
                        .setUser(database.user()).setPassword(database.password()))
                .using(vertx).build();
    }

    @AfterAll
    static void stop() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        broker.close();
        database.close();
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        execute("TRUNCATE outbox");
        execute("UPDATE outbox_lease SET holder = NULL, until = NULL");
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(producer -> producer.close(Duration.ofSeconds(5)));
    }

    @Test
    void twoRelaysOnOneTableNeverSendTheSameRowAndKeepEachAggregateInOrder() throws Exception {
        String topic = topic();
        append(topic, 400);

        var first = CompletableFuture.runAsync(() -> drain(relay("relay-a", 50)));
        var second = CompletableFuture.runAsync(() -> drain(relay("relay-b", 50)));
        CompletableFuture.allOf(first, second).get();

        var records = TopicReader.readFor(broker.bootstrapServers(), topic, Duration.ofSeconds(8));
        assertEquals(400, records.size(), "every event once");
        assertEquals(400, new HashSet<>(records.stream().map(ConsumerRecord::value).toList()).size());
        assertInOrderPerAggregate(records);
    }

    @Test
    void eventsAppendedWhileTheBrokerIsDownAreAllDeliveredOnceItIsBack() throws Exception {
        String topic = topic();
        OutboxRelay relay = relay("relay-outage", 100);
        append(topic, 20);
        drain(relay);

        broker.stop();
        try {
            append(topic, 20);
            assertEquals(20, relay.relayBatch().await().atMost(Duration.ofSeconds(60)), "claimed during the outage");
            assertEquals(20, count("SELECT count(*) FROM outbox"), "nothing acknowledged: every row stays pending");
            assertEquals(1, count("SELECT count(*) FROM outbox_lease WHERE holder IS NULL AND until IS NULL"),
                    "and the lease is given back");
        } finally {
            broker.restart();
        }
        drain(relay);

        var records = TopicReader.readFor(broker.bootstrapServers(), topic, Duration.ofSeconds(8));
        assertEquals(40, records.size(), "every event delivered, none twice");
        assertEquals(40, new HashSet<>(records.stream().map(ConsumerRecord::value).toList()).size());
        assertInOrderPerAggregate(records);
    }

    @Test
    void aLiveLeaseKeepsOtherRelaysOutAndOneRunOutIsTakenOver() throws Exception {
        String topic = topic();
        append(topic, 5);
        execute("UPDATE outbox_lease SET holder = 'relay-elsewhere', until = now() + interval '1 minute'");
        OutboxRelay relay = relay("relay-waiting", 10);

        assertEquals(0, relay.relayBatch().await().atMost(Duration.ofSeconds(60)), "another relay is sending");
        assertEquals(5, count("SELECT count(*) FROM outbox"));

        execute("UPDATE outbox_lease SET until = now() - interval '1 second'");
        assertEquals(5, relay.relayBatch().await().atMost(Duration.ofSeconds(60)), "a dead relay's lease runs out");
        assertEquals(0, count("SELECT count(*) FROM outbox"));
        assertEquals(5, TopicReader.readFor(broker.bootstrapServers(), topic, Duration.ofSeconds(5)).size());
    }

    @Test
    void aRowLeavesTheOutboxOnceTheBrokerHasIt() throws Exception {
        String topic = topic();
        append(topic, 30);
        OutboxRelay relay = relay("relay-delete", 20);

        assertEquals(20, relay.relayBatch().await().atMost(Duration.ofSeconds(60)));
        assertEquals(10, count("SELECT count(*) FROM outbox"), "the 20 sent rows are gone, the 10 others wait");
        assertEquals(1, count("SELECT count(*) FROM outbox_lease WHERE holder IS NULL"), "the lease is given back");
        assertEquals(20, TopicReader.readFor(broker.bootstrapServers(), topic, Duration.ofSeconds(5)).size());
    }

    @Test
    void aRowHoldingABatchIsSentEventByEventAndNeverSplitAcrossRelayBatches() throws Exception {
        String topic = topic();
        append(topic, 10);
        appendBatch(topic, 150);
        appendBatch(topic, 150);
        appendBatch(topic, 150);
        OutboxRelay relay = relay("relay-batches", 200);

        assertEquals(310, relay.relayBatch().await().atMost(Duration.ofSeconds(60)),
                "rows are taken while fewer than 200 events come before them: 10 single rows and two batch rows");
        assertEquals(1, count("SELECT count(*) FROM outbox"), "the third batch row waits, whole");
        assertEquals(150, relay.relayBatch().await().atMost(Duration.ofSeconds(60)));
        assertEquals(0, count("SELECT count(*) FROM outbox"));

        var records = TopicReader.readFor(broker.bootstrapServers(), topic, Duration.ofSeconds(8));
        assertEquals(460, records.size(), "each event of a batch is a record of its own, once");
        assertEquals(460, new HashSet<>(records.stream().map(ConsumerRecord::value).toList()).size());
        assertInOrderPerAggregate(records);
    }

    @Test
    void aRowIsEitherOneEventOrABatchWithAKeyForEachEvent() throws Exception {
        assertRefused("INSERT INTO outbox (topic, record_keys, payloads) VALUES ('t', '{a,b}', '{x}')");
        assertRefused("INSERT INTO outbox (topic, record_keys, payloads) VALUES ('t', '{}', '{}')");
        assertRefused("INSERT INTO outbox (topic) VALUES ('t')");
        assertRefused("INSERT INTO outbox (event_id, topic, record_key, payload, payloads) VALUES (gen_random_uuid(), 't', 'a', 'x', '{x}')");
        assertEquals(0, count("SELECT count(*) FROM outbox"));
    }

    private OutboxRelay relay(String id, int batchSize) {
        KafkaProducer<String, String> producer = RelayProducer.create(
                Map.of("bootstrap.servers", broker.bootstrapServers()), LEASE, id);
        producers.add(producer);
        return new OutboxRelay(pool, producer, id, batchSize, LEASE);
    }

    /** Runs batches until no row is pending, as the runner does on each wake-up. */
    private static void drain(OutboxRelay relay) {
        Eventually.until("the relay to drain the outbox", Duration.ofSeconds(60), () -> {
            relay.relayBatch().await().atMost(Duration.ofSeconds(60));
            return count("SELECT count(*) FROM outbox") == 0;
        });
    }

    /** Numbers the events appended, across a test's appends (sent rows leave the table, so it cannot count them). */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** An event of {@code aggregate} carrying the next sequence number. */
    private static CloudEvent event(String aggregate) {
        return CloudEvent.of(URI.create("/latchkey/platform-test"), "dev.latchkey.test.v1", aggregate,
                "demo", "system", JsonNodeFactory.instance.objectNode().put("sequence", SEQUENCE.getAndIncrement()));
    }

    /** Appends {@code count} events spread over five aggregates, a row each; each carries its sequence number. */
    private static void append(String topic, int count) throws Exception {
        try (var connection = database.connect(); var insert = connection.prepareStatement(
                "INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String aggregate = "aggregate-" + (i % 5);
                var event = event(aggregate);
                insert.setObject(1, event.id());
                insert.setString(2, topic);
                insert.setString(3, aggregate);
                insert.setString(4, EventJson.write(event));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Appends one row holding {@code count} events over five aggregates, as {@link OutboxBatcher} does. */
    private static void appendBatch(String topic, int count) throws Exception {
        String[] keys = new String[count];
        String[] payloads = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = "aggregate-" + (i % 5);
            payloads[i] = EventJson.write(event(keys[i]));
        }
        try (var connection = database.connect(); var insert = connection.prepareStatement(
                "INSERT INTO outbox (topic, record_keys, payloads) VALUES (?, ?, ?)")) {
            insert.setString(1, topic);
            insert.setArray(2, connection.createArrayOf("text", keys));
            insert.setArray(3, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        }
    }

    private static void assertRefused(String insert) {
        var refused = assertThrows(SQLException.class, () -> execute(insert));
        assertEquals("23514", refused.getSQLState(), "a check violation: " + refused.getMessage());
    }

    private static void assertInOrderPerAggregate(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Long>> sequences = new HashMap<>();
        for (var record : records) {
            sequences.computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(EventJson.read(record.value()).data().get("sequence").asLong());
        }
        sequences.forEach((aggregate, seen) -> assertEquals(seen.stream().sorted().toList(), seen,
                aggregate + "'s events arrive in the order they were appended"));
    }

    private static String topic() {
        return "latchkey.test.relay." + UUID.randomUUID();
    }

    private static long count(String sql) throws Exception {
        try (var connection = database.connect(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
