package dev.latchkey.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
        return TopicReader.readUntil(bootstrap, topic, record -> true, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).toList();
    }
}
