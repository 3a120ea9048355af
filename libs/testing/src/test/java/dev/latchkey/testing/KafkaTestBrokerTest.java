package dev.latchkey.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaTestBrokerTest {

    @Test
    void embeddedKraftBrokerCarriesARecordFromProducerToConsumer() throws Exception {
        try (var broker = KafkaTestBroker.startEmbedded()) {
            assertTrue(broker.embedded());
            assertEquals(List.of("hello"), roundTrip(broker.bootstrapServers(), "hello"));
        }
    }

    @Test
    void configuredBrokerIsUsedWhenBootstrapIsSet() throws Exception {
        try (var broker = KafkaTestBroker.start()) {
            String configured = System.getenv(KafkaTestBroker.BOOTSTRAP_VARIABLE);
            assertEquals(configured == null || configured.isBlank(), broker.embedded());
            assertEquals(List.of("ping"), roundTrip(broker.bootstrapServers(), "ping"));
        }
    }

    private static List<String> roundTrip(String bootstrap, String value) throws Exception {
        String topic = "latchkey.test." + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
            }
        }
        return received;
    }
}
