package dev.latchkey.platform.outbox;

import dev.latchkey.events.EventJson;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.latchkey.platform.TestApplication.count;
import static dev.latchkey.platform.TestApplication.kafkaBootstrap;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class OutboxTest {

    @Test
    void committedEventIsPublishedToItsTopicKeyedByItsAggregate() {
        String topic = "latchkey.test.outbox." + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        String noteId = given().queryParam("topic", topic).queryParam("eventId", eventId)
                .when().post("/outbox-test/notes").then().statusCode(200).extract().asString();

        var records = TopicReader.readUntil(kafkaBootstrap(), topic, record -> true, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "the committed event reaches its topic");
        assertEquals(noteId, records.get(0).key());
        var event = EventJson.read(records.get(0).value());
        assertEquals(eventId, event.id());
        assertEquals("demo", event.tenantid());
    }

    @Test
    void rolledBackEventIsNeverPublished() throws Exception {
        String topic = "latchkey.test.outbox." + UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();

        given().queryParam("topic", topic).queryParam("eventId", rolledBack).queryParam("fail", true)
                .when().post("/outbox-test/notes").then().statusCode(500);
        given().queryParam("topic", topic).queryParam("eventId", committed)
                .when().post("/outbox-test/notes").then().statusCode(200);

        var records = TopicReader.readUntil(kafkaBootstrap(), topic,
                record -> EventJson.read(record.value()).id().equals(committed), Duration.ofSeconds(30));
        assertEquals(1, records.size(), "only the committed event is on the topic");
        assertEquals(committed, EventJson.read(records.get(0).value()).id());
        assertEquals(0, count("SELECT count(*) FROM platform_test.outbox WHERE event_id = '" + rolledBack + "'"));
        assertEquals(0, count("SELECT count(*) FROM platform_test.test_note WHERE text = 'note for " + rolledBack + "'"));
    }

    @Test
    void appendOutsideATransactionIsRefused() throws Exception {
        given().queryParam("topic", "latchkey.test.stray")
                .when().post("/outbox-test/append-without-transaction")
                .then().statusCode(200).body(containsString("inside the transaction"));

        assertEquals(0, count("SELECT count(*) FROM platform_test.outbox WHERE topic = 'latchkey.test.stray'"));
    }

    @Test
    void sentRowsLeaveTheOutbox() throws Exception {
        String topic = "latchkey.test.outbox." + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        given().queryParam("topic", topic).queryParam("eventId", eventId)
                .when().post("/outbox-test/notes").then().statusCode(200);
        TopicReader.readUntil(kafkaBootstrap(), topic, record -> true, Duration.ofSeconds(30));

        Eventually.until("the relay deletes the row after the broker acknowledged it",
                () -> count("SELECT count(*) FROM platform_test.outbox WHERE event_id = '" + eventId + "'") == 0);
    }
}
