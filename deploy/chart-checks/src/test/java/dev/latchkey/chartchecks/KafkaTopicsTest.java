package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.latchkey.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topics Job creates the topics the services publish to (libs/events' Topics.ALL), with the partitions and
 * replication of the values, on the brokers the services use; without kafka.topics.create there is no Job.
 */
class KafkaTopicsTest {

    private final Manifest job = Rendering.production().get("Job", "latchkey-kafka-topics");

    @Test
    void jobCreatesTheTopicsTheServicesPublishTo() {
        assertEquals(Topics.ALL, List.of(env("LATCHKEY_TOPICS").split(" ")));
    }

    @Test
    void jobTakesPartitionsAndReplicationFromTheValues() throws IOException {
        JsonNode topics = new ObjectMapper(new YAMLFactory()).readTree(Checkout.PRODUCTION_VALUES.toFile()).path("kafka").path("topics");
        String settings = env("TOPIC_SETTINGS");

        assertTrue(settings.contains("--partitions " + topics.path("partitions").asInt()
                + " --replication-factor " + topics.path("replicationFactor").asInt()), settings);
    }

    @Test
    void jobUsesTheServicesBrokers() {
        for (Manifest configMap : Rendering.production().ofKind("ConfigMap")) {
            if (configMap.component().equals("console")) {
                assertFalse(configMap.body().path("data").has("KAFKA_BOOTSTRAP_SERVERS"), "the console takes no events");
                continue;
            }
            Map<String, String> settings = Manifest.strings(configMap.body().path("data"));
            assertEquals(settings.get("KAFKA_BOOTSTRAP_SERVERS"), env("BOOTSTRAP_SERVERS"), configMap + " and " + job);
        }
    }

    @Test
    void noJobUnlessTopicsAreToBeCreated() {
        assertTrue(Rendering.defaults().ofKind("Job").isEmpty(), "kafka.topics.create is false by default");
    }

    private String env(String name) {
        return job.variable(name).path("value").asText();
    }
}
