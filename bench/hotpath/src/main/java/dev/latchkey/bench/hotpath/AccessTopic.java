package dev.latchkey.bench.hotpath;

import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code access.credentials_read} events of some connections on {@code latchkey.access.v1}, as a consumer sees them. */
final class AccessTopic {

    static final String TOPIC = "latchkey.access.v1";

    /** Each connection's distinct event ids, and how many records carried them (a redelivery is a record more). */
    record Reads(Map<String, Set<UUID>> eventIds, long records) {

        Set<UUID> all() {
            return eventIds.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }
    }

    private AccessTopic() {
    }

    /** Every such event published since {@code since} up to the topic's end now, of {@code connections} (the records' keys). */
    static Reads read(String bootstrapServers, Set<String> connections, Instant since) {
        Map<String, Set<UUID>> ids = new HashMap<>();
        long records = 0;
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.offsetsForTimes(partitions.stream().collect(Collectors.toMap(Function.identity(), ignored -> since.toEpochMilli())))
                    .forEach((partition, offset) -> {
                        if (offset == null) {
                            consumer.seekToEnd(List.of(partition));
                        } else {
                            consumer.seek(partition, offset.offset());
                        }
                    });
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (connections.contains(record.key())) {
                        CloudEvent event = EventJson.read(record.value());
                        if (EventJson.data(event) instanceof CredentialsRead) {
                            ids.computeIfAbsent(record.key(), ignored -> new HashSet<>()).add(event.id());
                            records++;
                        }
                    }
                }
            }
        }
        return new Reads(ids, records);
    }
}
