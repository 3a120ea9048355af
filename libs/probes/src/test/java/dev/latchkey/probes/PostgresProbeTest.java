package dev.latchkey.probes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL probe against this machine's server (127.0.0.1:5432, trust authentication: any password is
 * accepted, so a refused login is shown with a role that does not exist).
 */
class PostgresProbeTest {

    private static final String ROLE = "latchkey_probe_user";
    private static final String PRIVATE_DATABASE = "latchkey_probe_private";
    private static final String PASSWORD = "pg-secret-7f3a";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PINNED_NAME = "postgres.latchkey.invalid";

    private final Probes probes = TestGuards.loopbackProbes();
    private final Probes probesAtTheName = TestGuards.probesResolvingForTheGuardOnly(PINNED_NAME);

    @BeforeAll
    static void createRoleAndPrivateDatabase() throws SQLException {
        administer("DROP DATABASE IF EXISTS " + PRIVATE_DATABASE, "DROP ROLE IF EXISTS " + ROLE,
                "CREATE ROLE " + ROLE + " LOGIN", "CREATE DATABASE " + PRIVATE_DATABASE,
                "REVOKE CONNECT ON DATABASE " + PRIVATE_DATABASE + " FROM PUBLIC");
    }

    @AfterAll
    static void dropRoleAndPrivateDatabase() throws SQLException {
        administer("DROP DATABASE IF EXISTS " + PRIVATE_DATABASE, "DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void rightCredentialsConnectAndReportTheVersion() {
        ProbeResult result = probes.test("postgresql", parameters(ROLE, "postgres"), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("PostgreSQL"), result.message());
    }

    /** Redshift speaks PostgreSQL's protocol: this machine's PostgreSQL plays it (no Redshift cluster can run here). */
    @Test
    void redshiftIsProbedOverThePostgresqlProtocol() {
        ProbeResult result = probes.test("redshift", parameters(ROLE, "postgres"), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("Amazon Redshift"), result.message());
        assertFailed(probes.test("redshift", parameters("latchkey_no_such_role", "postgres"), TIMEOUT),
                FailureCategory.AUTH_FAILED, PASSWORD);
    }

    @Test
    void unknownRoleIsAuthFailed() {
        assertFailed(probes.test("postgresql", parameters("latchkey_no_such_role", "postgres"), TIMEOUT),
                FailureCategory.AUTH_FAILED, PASSWORD);
    }

    @Test
    void missingDatabaseIsConfig() {
        ProbeResult result = probes.test("postgresql", parameters(ROLE, "latchkey_no_such_database"), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG, PASSWORD);
        assertTrue(result.message().contains("does not exist"), result.message());
    }

    @Test
    void databaseWithoutConnectPrivilegeIsPermissionDenied() {
        assertFailed(probes.test("postgresql", parameters(ROLE, PRIVATE_DATABASE), TIMEOUT),
                FailureCategory.PERMISSION_DENIED, PASSWORD);
    }

    @Test
    void requiringTlsOfAServerWithoutTlsIsTls() {
        Map<String, Object> parameters = parameters(ROLE, "postgres");
        parameters.put("sslMode", "require");
        assertFailed(probes.test("postgresql", parameters, TIMEOUT), FailureCategory.TLS, PASSWORD);
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters(ROLE, "postgres");
        parameters.put("port", Endpoints.closedPort());
        assertFailed(probes.test("postgresql", parameters, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(ROLE, "postgres");
            parameters.put("port", silent.port());
            assertFailed(probes.test("postgresql", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    /**
     * verify-full through a relay that ends TLS in front of this machine's server, at a name only the guard resolves:
     * the driver must connect to the checked address, and the certificate is still checked against the name.
     */
    @Test
    void verifyFullGoesToTheCheckedAddressAndVerifiesTheName() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forName(PINNED_NAME);
        try (Relay tls = Relay.endingPostgresTls(certificate.serverContext(), 5432)) {
            assertSucceeded(probesAtTheName.test("postgresql", verifyFull(tls.port(), certificate.pem()), TIMEOUT));
        }
    }

    @Test
    void verifyFullWithACertificateForAnotherNameIsTls() throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.forName("other.latchkey.invalid");
        try (Relay tls = Relay.endingPostgresTls(other.serverContext(), 5432)) {
            assertFailed(probesAtTheName.test("postgresql", verifyFull(tls.port(), other.pem()), TIMEOUT), FailureCategory.TLS, PASSWORD);
        }
    }

    private static Map<String, Object> verifyFull(int port, String caCertificate) {
        Map<String, Object> parameters = parameters(ROLE, "postgres");
        parameters.putAll(Map.of("host", PINNED_NAME, "port", port, "sslMode", "verify-full", "caCertificate", caCertificate));
        return parameters;
    }

    private static Map<String, Object> parameters(String username, String database) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", 5432, "database", database,
                "username", username, "password", PASSWORD, "sslMode", "disable"));
    }

    private static void administer(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
