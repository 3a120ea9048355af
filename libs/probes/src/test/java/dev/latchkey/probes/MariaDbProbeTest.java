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
 * The MariaDB/MySQL probe against this machine's MariaDB (127.0.0.1:3306, root without a password), with a
 * user created for the test that may use one database only.
 */
class MariaDbProbeTest {

    private static final String USER = "latchkey_probe";
    private static final String PASSWORD = "maria-secret-4c1d";
    private static final String DATABASE = "latchkey_probe_db";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void createUserAndDatabase() throws SQLException {
        administer("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        for (String host : new String[] {"%", "localhost"}) {
            administer("DROP USER IF EXISTS '" + USER + "'@'" + host + "'",
                    "CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'",
                    "GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'" + host + "'");
        }
    }

    @AfterAll
    static void dropUserAndDatabase() throws SQLException {
        administer("DROP USER IF EXISTS '" + USER + "'@'%'", "DROP USER IF EXISTS '" + USER + "'@'localhost'",
                "DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void rightPasswordConnectsAndReportsTheVersion() {
        ProbeResult result = probes.test("mariadb", parameters(USER, PASSWORD, DATABASE), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("MariaDB") || result.message().contains("MySQL"), result.message());
    }

    @Test
    void mysqlEntryWithMysqlSslModeNamesConnectsToo() {
        Map<String, Object> parameters = parameters(USER, PASSWORD, DATABASE);
        parameters.put("sslMode", "DISABLED");
        assertSucceeded(probes.test("mysql", parameters, TIMEOUT));
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("mariadb", parameters(USER, "wrong-maria-secret", DATABASE), TIMEOUT),
                FailureCategory.AUTH_FAILED, "wrong-maria-secret");
    }

    @Test
    void databaseOfAnotherUserIsPermissionDenied() {
        assertFailed(probes.test("mariadb", parameters(USER, PASSWORD, "mysql"), TIMEOUT),
                FailureCategory.PERMISSION_DENIED, PASSWORD);
    }

    @Test
    void missingDatabaseIsConfig() {
        ProbeResult result = probes.test("mariadb", parameters("root", "", "latchkey_no_such_database"), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG);
        assertTrue(result.message().contains("does not exist"), result.message());
    }

    @Test
    void requiringTlsOfAServerWithoutTlsIsTls() {
        Map<String, Object> parameters = parameters(USER, PASSWORD, DATABASE);
        parameters.put("sslMode", "verify-ca");
        assertFailed(probes.test("mariadb", parameters, TIMEOUT), FailureCategory.TLS, PASSWORD);
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters(USER, PASSWORD, DATABASE);
        parameters.put("port", Endpoints.closedPort());
        assertFailed(probes.test("mysql", parameters, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(USER, PASSWORD, DATABASE);
            parameters.put("port", silent.port());
            assertFailed(probes.test("mysql", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(String username, String password, String database) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", 3306, "database", database,
                "username", username, "password", password, "sslMode", "disable"));
    }

    private static void administer(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
