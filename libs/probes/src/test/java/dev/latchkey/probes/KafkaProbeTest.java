package dev.latchkey.probes;

import dev.latchkey.testing.KafkaTestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka probe against the broker of {@code KAFKA_BOOTSTRAP} (./latchkey test sets it) or an embedded one
 * from libs/testing. Both listen PLAINTEXT, without SASL: a refused SASL login cannot be shown here.
 */
class KafkaProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static KafkaTestBroker broker;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startBroker() {
        broker = KafkaTestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void plaintextBrokerDescribesTheCluster() {
        ProbeResult result = probes.test("kafka", Map.of("bootstrapServers", broker.bootstrapServers(),
                "securityProtocol", "PLAINTEXT"), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("cluster"), result.message());
    }

    /** The broker drops the TLS hello as a malformed request and the client retries: all it sees is silence. */
    @Test
    void tlsAskedOfAPlaintextBrokerIsTimeoutNamingTheSecurityProtocol() {
        ProbeResult result = probes.test("kafka", Map.of("bootstrapServers", broker.bootstrapServers(),
                "securityProtocol", "SSL"), Duration.ofSeconds(2));
        assertFailed(result, FailureCategory.TIMEOUT);
        assertTrue(result.message().contains("security protocol"), result.message());
    }

    @Test
    void tlsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            assertFailed(probes.test("kafka", Map.of("bootstrapServers", "127.0.0.1:" + plain.port(),
                    "securityProtocol", "SSL"), Duration.ofSeconds(3)), FailureCategory.TLS);
        }
    }

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("kafka", Map.of("bootstrapServers", "127.0.0.1:" + Endpoints.closedPort(),
                "securityProtocol", "SASL_PLAINTEXT", "saslMechanism", "SCRAM-SHA-512", "username", "u",
                "password", "kafka-secret-3b8c"), TIMEOUT), FailureCategory.UNREACHABLE, "kafka-secret-3b8c");
    }

    @Test
    void silentBrokerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("kafka", Map.of("bootstrapServers", "127.0.0.1:" + silent.port(),
                    "securityProtocol", "PLAINTEXT"), Duration.ofSeconds(2)), FailureCategory.TIMEOUT);
        }
    }
}
