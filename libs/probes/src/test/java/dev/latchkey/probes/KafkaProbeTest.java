package dev.latchkey.probes;

import dev.latchkey.testing.KafkaTestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka probe against the broker of {@code KAFKA_BOOTSTRAP} (./latchkey test sets it) or an embedded one
 * from libs/testing. Both listen PLAINTEXT, without SASL: the SASL logins are {@link KafkaSaslProbeTest}'s.
 */
class KafkaProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static KafkaTestBroker broker;

    private static final String PINNED_NAME = "broker.latchkey.invalid";

    private final Probes probes = TestGuards.loopbackProbes();
    private final Probes probesAtTheName = TestGuards.probesResolvingForTheGuardOnly(PINNED_NAME);


    private static int brokerPort() {
        String first = broker.bootstrapServers().split(",")[0];
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

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

    /** The broker reads the TLS hello as a malformed request and hangs up. */
    @Test
    void tlsAskedOfAPlaintextBrokerIsConfigNamingTheSecurityProtocol() {
        ProbeResult result = probes.test("kafka", Map.of("bootstrapServers", broker.bootstrapServers(),
                "securityProtocol", "SSL"), Duration.ofSeconds(2));
        assertFailed(result, FailureCategory.CONFIG);
        assertTrue(result.message().contains("security protocol"), result.message());
    }

    @Test
    void tlsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            assertFailed(probes.test("kafka", Map.of("bootstrapServers", "127.0.0.1:" + plain.port(),
                    "securityProtocol", "SSL"), Duration.ofSeconds(3)), FailureCategory.TLS);
        }
    }

    /**
     * The broker is reached through a relay on 127.0.0.2, the one address the guard allows; it advertises its own
     * 127.0.0.1 listener, where a client would go next.
     */
    @Test
    void aBrokerAdvertisingAnAddressTheGuardRefusesIsConfig() throws Exception {
        try (Relay relay = Relay.plain(InetAddress.getByName("127.0.0.2"), brokerPort())) {
            ProbeResult result = Probes.all(TestGuards.allowingOnly("127.0.0.2/32")).test("kafka", Map.of(
                    "bootstrapServers", "127.0.0.2:" + relay.port(), "securityProtocol", "PLAINTEXT"), TIMEOUT);
            assertFailed(result, FailureCategory.CONFIG);
            assertTrue(result.message().contains("the broker advertises ") && result.message().contains(", which is not allowed"),
                    result.message());
        }
    }

    /** The name resolves for the guard only: the client must connect to the checked address, and TLS still checks the name. */
    @Test
    void tlsGoesToTheCheckedAddressAndVerifiesTheName() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forName(PINNED_NAME);
        try (Relay tls = Relay.endingTls(certificate.serverContext(), brokerPort())) {
            assertSucceeded(probesAtTheName.test("kafka", Map.of("bootstrapServers", PINNED_NAME + ":" + tls.port(),
                    "securityProtocol", "SSL", "caCertificate", certificate.pem()), TIMEOUT));
        }
    }

    @Test
    void aCertificateForAnotherNameFailsTheTlsCheck() throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.forName("other.latchkey.invalid");
        try (Relay tls = Relay.endingTls(other.serverContext(), brokerPort())) {
            assertFailed(probesAtTheName.test("kafka", Map.of("bootstrapServers", PINNED_NAME + ":" + tls.port(),
                    "securityProtocol", "SSL", "caCertificate", other.pem()), TIMEOUT), FailureCategory.TLS);
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
