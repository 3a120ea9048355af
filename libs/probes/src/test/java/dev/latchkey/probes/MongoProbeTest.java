package dev.latchkey.probes;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;

/**
 * The MongoDB probe's classification: no MongoDB server runs here, so these show what a user sees when the
 * address is wrong, the server hangs, or TLS is asked of a server that speaks none.
 */
class MongoProbeTest {

    private static final String PASSWORD = "mongo-secret-9f4c";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Probes probes = TestGuards.loopbackProbes();

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("mongodb", parameters(Endpoints.closedPort(), false), TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("mongodb", parameters(silent.port(), false), TIMEOUT), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    @Test
    void tlsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            assertFailed(probes.test("mongodb", parameters(plain.port(), true), TIMEOUT), FailureCategory.TLS, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(int port, boolean tls) {
        return Map.of("host", "127.0.0.1", "port", port, "database", "app", "username", "latchkey", "password", PASSWORD, "tls", tls);
    }
}
