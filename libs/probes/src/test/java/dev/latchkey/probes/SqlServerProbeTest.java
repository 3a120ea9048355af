package dev.latchkey.probes;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL Server probe with Microsoft's JDBC driver. No SQL Server runs here (nor on Debian): the driver's failures are
 * classified against loopback endpoints that refuse, stay silent, or answer what is not SQL Server's protocol.
 */
class SqlServerProbeTest {

    private static final String PASSWORD = "sqlserver-secret-77d2";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Probes probes = TestGuards.loopbackProbes();

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("sqlserver", parameters(Endpoints.closedPort()), TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("sqlserver", parameters(silent.port()), Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    @Test
    void aServerThatDoesNotSpeakTdsIsConfig() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            ProbeResult result = probes.test("sqlserver", parameters(plain.port()), TIMEOUT);
            assertFailed(result, FailureCategory.CONFIG, PASSWORD);
            assertTrue(result.message().contains("did not answer as SQL Server"), result.message());
        }
    }

    @Test
    void aCaCertificateThatIsNotPemIsConfig() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(silent.port());
            parameters.put("caCertificate", "not a certificate");
            assertFailed(probes.test("sqlserver", parameters, TIMEOUT), FailureCategory.CONFIG, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(int port) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "database", "orders", "username", "latchkey",
                "password", PASSWORD, "encrypt", true));
    }
}
