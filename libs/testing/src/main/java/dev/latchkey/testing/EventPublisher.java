package dev.latchkey.testing;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Publishes an event as the service that owns it would, for tests that play another service. */
public final class EventPublisher {

    private EventPublisher() {
    }

    /** Sends the event to its type's topic, keyed by its aggregate, and waits for the broker's acknowledgement. */
    public static void publish(String bootstrapServers, String tenant, EventData data) {
        publish(bootstrapServers, EventJson.envelope(data, sourceOf(data.eventType()), tenant, "service:test"));
    }

    /** The source a service that publishes {@code type} gives its events: consumers drop events from any other. */
    public static URI sourceOf(EventType type) {
        return type.publishers().iterator().next().uri();
    }

    /** Sends this very envelope (again, to play a redelivery) to its type's topic, keyed by its subject. */
    public static void publish(String bootstrapServers, CloudEvent event) {
        String topic = EventJson.data(event).eventType().topic();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, event.subject(), EventJson.write(event))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take the event", e);
        }
    }
}
