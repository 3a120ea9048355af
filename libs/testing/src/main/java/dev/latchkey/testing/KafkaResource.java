package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a Quarkus application's Kafka clients at a real broker. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private KafkaTestBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaTestBroker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
