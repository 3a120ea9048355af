package dev.latchkey.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a topic from its beginning, as a fresh consumer group, for tests that check what was published. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every record up to and including the first one that {@code last} accepts, or everything read before
     * {@code timeout} when none does.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> last, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (last.test(record)) {
                        return records;
                    }
                }
            }
        }
        return records;
    }

    /** Every record published within {@code window}: for checking that exactly {@code expected} arrived. */
    public static List<ConsumerRecord<String, String>> readFor(String bootstrapServers, String topic, Duration window) {
        return readUntil(bootstrapServers, topic, record -> false, window);
    }
}
