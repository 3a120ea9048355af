package dev.latchkey.probes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Redis probe against this machine's Redis (127.0.0.1:6379, no password) with an ACL user made for the test. */
class RedisProbeTest {

    private static final String USER = "latchkey_probe";
    private static final String PASSWORD = "redis-secret-8e2b";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PINNED_NAME = "redis.latchkey.invalid";

    private final Probes probes = TestGuards.loopbackProbes();
    private final Probes probesAtTheName = TestGuards.probesResolvingForTheGuardOnly(PINNED_NAME);

    @BeforeAll
    static void createAclUser() {
        try (Jedis admin = new Jedis("127.0.0.1", 6379)) {
            admin.aclSetUser(USER, "reset", "on", ">" + PASSWORD, "~*", "+@all");
        }
    }

    @AfterAll
    static void deleteAclUser() {
        try (Jedis admin = new Jedis("127.0.0.1", 6379)) {
            admin.aclDelUser(USER);
        }
    }

    @Test
    void rightCredentialsConnectAndReportTheVersion() {
        ProbeResult result = probes.test("redis", parameters(PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("Redis"), result.message());
    }

    @Test
    void serverWithoutAuthenticationConnectsAnonymously() {
        assertSucceeded(probes.test("redis", Map.of("host", "127.0.0.1", "port", 6379), TIMEOUT));
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("redis", parameters("wrong-redis-secret"), TIMEOUT), FailureCategory.AUTH_FAILED, "wrong-redis-secret");
    }

    @Test
    void databaseOutOfRangeIsConfig() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.put("database", 4242);
        assertFailed(probes.test("redis", parameters, TIMEOUT), FailureCategory.CONFIG, PASSWORD);
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.put("port", Endpoints.closedPort());
        assertFailed(probes.test("redis", parameters, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(PASSWORD);
            parameters.put("port", silent.port());
            assertFailed(probes.test("redis", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    @Test
    void tlsAskedOfAPlainServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            Map<String, Object> parameters = parameters(PASSWORD);
            parameters.put("port", plain.port());
            parameters.put("tls", true);
            parameters.put("host", "localhost");
            // localhost must pass the guard as a name here: TLS keeps the name for the certificate check.
            assertFailed(probes.test("redis", parameters, Duration.ofSeconds(2)), FailureCategory.TLS, PASSWORD);
        }
    }

    /**
     * TLS through a relay to this machine's Redis, at a name only the guard resolves: Jedis must connect to the
     * checked address, and the certificate is still checked against the name.
     */
    @Test
    void tlsGoesToTheCheckedAddressAndVerifiesTheName() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forName(PINNED_NAME);
        try (Relay tls = Relay.endingTls(certificate.serverContext(), 6379)) {
            assertSucceeded(probesAtTheName.test("redis", tlsParameters(tls.port(), certificate.pem()), TIMEOUT));
        }
    }

    @Test
    void aCertificateForAnotherNameFailsTheTlsCheck() throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.forName("other.latchkey.invalid");
        try (Relay tls = Relay.endingTls(other.serverContext(), 6379)) {
            assertFailed(probesAtTheName.test("redis", tlsParameters(tls.port(), other.pem()), TIMEOUT), FailureCategory.TLS, PASSWORD);
        }
    }


    private static Map<String, Object> tlsParameters(int port, String caCertificate) {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.putAll(Map.of("host", PINNED_NAME, "port", port, "tls", true, "caCertificate", caCertificate));
        return parameters;
    }

    private static Map<String, Object> parameters(String password) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", 6379, "username", USER, "password", password));
    }
}
