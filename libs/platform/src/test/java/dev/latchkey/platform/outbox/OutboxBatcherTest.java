package dev.latchkey.platform.outbox;

import dev.latchkey.events.EventJson;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.latchkey.platform.TestApplication.count;
import static dev.latchkey.platform.TestApplication.kafkaBootstrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events of concurrent requests committed together: each request answers only after its own event is committed, once.
 * What was committed is read on its topic, not counted in the outbox: the relay deletes a row once it is sent, at any
 * moment of the test.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class OutboxBatcherTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/outbox-test/batched")
    URI batched;

    @Test
    void concurrentAppendsAreEachCommittedOnceAndPublished() throws Exception {
        String topic = "latchkey.test.batched." + UUID.randomUUID();
        List<UUID> ids = ids(200);

        List<CompletableFuture<HttpResponse<String>>> answers = ids.stream().map(id -> append(topic, id)).toList();
        for (var answer : answers) {
            assertEquals(200, answer.get(30, TimeUnit.SECONDS).statusCode());
        }

        assertEquals(Set.copyOf(ids), published(topic, ids.size()), "every committed event reaches its topic");
    }

    @Test
    void noAppendAnswersBeforeItsEventIsCommitted() throws Exception {
        String topic = "latchkey.test.batched." + UUID.randomUUID();
        List<UUID> ids = ids(20);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (var lock = database()) {
            lock.setAutoCommit(false);
            // Inserts wait for this lock: no batch can commit while it is held.
            lock.createStatement().execute("LOCK TABLE platform_test.outbox IN SHARE ROW EXCLUSIVE MODE");
            ids.forEach(id -> answers.add(append(topic, id)));

            // The batcher's inserts reach the database and wait there for the lock: from then on none can commit.
            Eventually.until("an outbox insert waiting for the lock", () -> count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO outbox%'") > 0);
            assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "an append answered before its event could commit");
            lock.rollback();
        }
        for (var answer : answers) {
            assertEquals(200, answer.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(Set.copyOf(ids), published(topic, ids.size()));
    }

    @Test
    void anAppendWhoseBatchFailsIsNotAnsweredAsCommittedAndNothingOfItIsStored() throws Exception {
        String topic = "latchkey.test.batched." + UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> answer;
        try (var lock = database()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE platform_test.outbox IN SHARE ROW EXCLUSIVE MODE");
            answer = append(topic, lost);
            Eventually.until("the batch's insert waiting for the lock", () -> count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO outbox%'") == 1);

            // The database drops the batch's connection mid-insert: the batch fails as a whole.
            assertEquals(1, count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO outbox%'"));
            assertEquals(500, answer.get(30, TimeUnit.SECONDS).statusCode(), "answered as if its event were durable");
            lock.rollback();
        }

        UUID next = UUID.randomUUID();
        assertEquals(200, append(topic, next).get(30, TimeUnit.SECONDS).statusCode());
        // The relay sends in commit order: once the later event is on the topic, a stored earlier one would be too.
        assertEquals(Set.of(next), published(topic, 1), "the failed batch's event was never stored");
    }

    /** The ids of the events on {@code topic}, read until {@code expected} distinct ones arrived. */
    private static Set<UUID> published(String topic, int expected) {
        Set<UUID> published = new HashSet<>();
        TopicReader.readUntil(kafkaBootstrap(), topic, record -> published.add(EventJson.read(record.value()).id())
                && published.size() == expected, Duration.ofSeconds(30));
        return published;
    }

    private CompletableFuture<HttpResponse<String>> append(String topic, UUID id) {
        URI uri = URI.create(batched + "?topic=" + topic + "&eventId=" + id);
        return http.sendAsync(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    /** A connection of the test's own, to hold locks the service's statements wait for. */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(config("quarkus.datasource.jdbc.url"), config("quarkus.datasource.username"),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
