package dev.latchkey.platform.consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static dev.latchkey.platform.TestApplication.awaitCount;
import static dev.latchkey.platform.TestApplication.count;
import static dev.latchkey.platform.TestApplication.kafkaBootstrap;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class IdempotentConsumerTest {

    private static final String TOPIC = "latchkey.test.notes";

    @Test
    void redeliveredEventIsHandledOnce() throws Exception {
        String aggregate = "note-" + java.util.UUID.randomUUID();
        CloudEvent event = event(aggregate);
        CloudEvent marker = event(aggregate);

        // The same key keeps all three on one partition, in order: when the marker is handled, so is the copy.
        send(aggregate, event, event, marker);

        String handledMarker = "SELECT count(*) FROM platform_test.test_note WHERE text = 'handled " + marker.id() + "'";
        assertEquals(1, awaitCount(handledMarker), "the consumer got the events");
        assertEquals(1, count("SELECT count(*) FROM platform_test.test_note WHERE text = 'handled " + event.id() + "'"),
                "the redelivered event changed state once");
        assertEquals(1, count("SELECT count(*) FROM platform_test.processed_events WHERE consumer = 'test-notes' "
                + "AND event_id = '" + event.id() + "'"));
    }

    @Test
    void aHandlerThatFailsIsTriedAgainUntilItSucceedsAndItsFailedAttemptsLeaveNothing() throws Exception {
        String aggregate = "flaky-" + java.util.UUID.randomUUID();
        CloudEvent event = event(aggregate);

        send(aggregate, event);

        String handled = "SELECT count(*) FROM platform_test.test_note WHERE text = 'handled " + event.id() + "'";
        assertEquals(1, awaitCount(handled), "handled in the end, once: the failed attempts' notes were rolled back");
        assertEquals(3, NoteEventsConsumer.ATTEMPTS.get(event.id()).get(), "two failures, then success");
        assertEquals(1, count("SELECT count(*) FROM platform_test.processed_events WHERE event_id = '" + event.id() + "'"));
    }

    private static CloudEvent event(String aggregate) {
        return CloudEvent.of(URI.create("/latchkey/platform-test"), "dev.latchkey.test.note_created.v1", aggregate,
                "demo", "system", JsonNodeFactory.instance.objectNode());
    }

    private static void send(String key, CloudEvent... events) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                kafkaBootstrap()),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent event : events) {
                producer.send(new ProducerRecord<>(TOPIC, key, EventJson.write(event))).get();
            }
        }
    }
}
