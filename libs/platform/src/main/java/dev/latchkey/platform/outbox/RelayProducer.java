package dev.latchkey.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The relay's Kafka producer: idempotent, acknowledged by all in-sync replicas, and never slower than its lease. */
public final class RelayProducer {

    private RelayProducer() {
    }

    /**
     * @param clientConfig the service's Kafka client settings (bootstrap servers, TLS, SASL); others are ignored
     * @param lease        the claim's lease: a send gives up at half of it, so a batch is settled before it lapses
     */
    public static KafkaProducer<String, String> create(Map<String, Object> clientConfig, Duration lease, String clientId) {
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        int deliveryTimeout = (int) Math.min(lease.toMillis() / 2, 30_000);
        int requestTimeout = Math.min(10_000, deliveryTimeout);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
