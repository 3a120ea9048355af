package dev.latchkey.probes;

import dev.latchkey.testing.KafkaTestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;

/**
 * The Kafka probe's SASL login against a real broker that checks it: an embedded KRaft broker with a SASL_PLAINTEXT
 * listener, its user known to PLAIN and, as a SCRAM-SHA-512 credential, to SCRAM.
 */
class KafkaSaslProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static KafkaTestBroker broker;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startBroker() {
        broker = KafkaTestBroker.startEmbeddedWithSasl();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-512"})
    void theRightPasswordLogsInAndAWrongOneIsAnAuthenticationFailure(String mechanism) {
        assertSucceeded(login(mechanism, KafkaTestBroker.SASL_PASSWORD));
        assertFailed(login(mechanism, "not-the-broker-secret"), FailureCategory.AUTH_FAILED, "not-the-broker-secret");
    }

    private ProbeResult login(String mechanism, String password) {
        return probes.test("kafka", Map.of("bootstrapServers", broker.saslBootstrapServers(),
                "securityProtocol", "SASL_PLAINTEXT", "saslMechanism", mechanism, "username", KafkaTestBroker.SASL_USER,
                "password", password), TIMEOUT);
    }
}
