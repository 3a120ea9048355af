package dev.latchkey.probes;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RabbitMQ probe against this machine's broker (127.0.0.1:5672, guest/guest). */
class RabbitMqProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Probes probes = TestGuards.loopbackProbes();

    @Test
    void rightCredentialsConnectAndReportTheVersion() {
        ProbeResult result = probes.test("rabbitmq", parameters("guest", "/"), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("RabbitMQ"), result.message());
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        Map<String, Object> parameters = parameters("guest", "/");
        parameters.put("password", "wrong-rabbit-secret");
        assertFailed(probes.test("rabbitmq", parameters, TIMEOUT), FailureCategory.AUTH_FAILED, "wrong-rabbit-secret");
    }

    @Test
    void missingVirtualHostIsConfig() {
        ProbeResult result = probes.test("rabbitmq", parameters("guest", "latchkey-no-such-vhost"), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG);
        assertTrue(result.message().contains("does not exist"), result.message());
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters("guest", "/");
        parameters.put("port", Endpoints.closedPort());
        assertFailed(probes.test("rabbitmq", parameters, TIMEOUT), FailureCategory.UNREACHABLE);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters("guest", "/");
            parameters.put("port", silent.port());
            assertFailed(probes.test("rabbitmq", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT);
        }
    }

    private static Map<String, Object> parameters(String username, String virtualHost) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", 5672, "username", username, "password", "guest",
                "virtualHost", virtualHost));
    }
}
