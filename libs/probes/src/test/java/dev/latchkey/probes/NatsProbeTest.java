package dev.latchkey.probes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NATS probe against this machine's server (127.0.0.1:4222, no authentication) and a second nats-server
 * started here with a user and password.
 */
class NatsProbeTest {

    private static final String USER = "latchkey";
    private static final String PASSWORD = "nats-secret-5a9e";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path logs;
    private static LocalProcessServer withPassword;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServerWithPassword() throws Exception {
        int port = Endpoints.closedPort();
        withPassword = LocalProcessServer.start(List.of("/usr/sbin/nats-server", "-a", "127.0.0.1", "-p", String.valueOf(port),
                "--user", USER, "--pass", PASSWORD), port, logs.resolve("nats.log"));
    }

    @AfterAll
    static void stopServerWithPassword() throws Exception {
        if (withPassword != null) {
            withPassword.close();
        }
    }

    @Test
    void serverWithoutAuthenticationConnectsAndReportsTheVersion() {
        ProbeResult result = probes.test("nats", Map.of("servers", "nats://127.0.0.1:4222"), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("NATS"), result.message());
    }

    @Test
    void rightPasswordConnects() {
        assertSucceeded(probes.test("nats", credentials(PASSWORD), TIMEOUT));
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("nats", credentials("wrong-nats-secret"), TIMEOUT), FailureCategory.AUTH_FAILED, "wrong-nats-secret");
    }

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("nats", Map.of("servers", "nats://127.0.0.1:" + Endpoints.closedPort()), TIMEOUT),
                FailureCategory.UNREACHABLE);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("nats", Map.of("servers", "nats://127.0.0.1:" + silent.port()), Duration.ofSeconds(1)),
                    FailureCategory.TIMEOUT);
        }
    }

    private static Map<String, Object> credentials(String password) {
        return Map.of("servers", "nats://127.0.0.1:" + withPassword.port(), "username", USER, "password", password);
    }
}
