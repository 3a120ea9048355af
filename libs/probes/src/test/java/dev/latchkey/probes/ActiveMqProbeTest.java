package dev.latchkey.probes;

import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.security.AuthenticationUser;
import org.apache.activemq.security.SimpleAuthenticationPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ActiveMQ probe against a real ActiveMQ Classic broker, embedded, that signs users in with a password. */
class ActiveMqProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static BrokerService broker;
    private static int port;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("latchkey-probe-test");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setPlugins(new BrokerPlugin[] {new SimpleAuthenticationPlugin(
                List.of(new AuthenticationUser("orders", "right-activemq-secret", "users")))});
        TransportConnector connector = broker.addConnector("tcp://127.0.0.1:0");
        broker.start();
        broker.waitUntilStarted();
        port = connector.getConnectUri().getPort();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    @Test
    void rightCredentialsConnectAndNameTheBroker() {
        ProbeResult result = probes.test("activemq", parameters(port, "right-activemq-secret"), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("latchkey-probe-test"), result.message());
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("activemq", parameters(port, "wrong-activemq-secret"), TIMEOUT), FailureCategory.AUTH_FAILED,
                "wrong-activemq-secret");
    }

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("activemq", parameters(Endpoints.closedPort(), "right-activemq-secret"), TIMEOUT),
                FailureCategory.UNREACHABLE, "right-activemq-secret");
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("activemq", parameters(silent.port(), "right-activemq-secret"), Duration.ofSeconds(1)),
                    FailureCategory.TIMEOUT);
        }
    }

    @Test
    void tlsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            Map<String, Object> parameters = parameters(plain.port(), "right-activemq-secret");
            parameters.put("tls", true);
            assertFailed(probes.test("activemq", parameters, TIMEOUT), FailureCategory.TLS, "right-activemq-secret");
        }
    }

    private static Map<String, Object> parameters(int port, String password) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "username", "orders", "password", password, "tls", false));
    }
}
