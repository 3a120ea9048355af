package dev.latchkey.probes;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FTP probe against an Apache FtpServer started in this JVM, with one user and no TLS. */
class FtpProbeTest {

    private static final String USER = "latchkey";
    private static final String PASSWORD = "ftp-secret-1e7b";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path home;
    private static FtpServer server;
    private static int port;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws Exception {
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        users.save(user);

        port = Endpoints.closedPort();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(users);
        server = factory.createServer();
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void rightPasswordLogsIn() {
        ProbeResult result = probes.test("ftp", parameters(PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("working directory"), result.message());
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("ftp", parameters("wrong-ftp-secret"), TIMEOUT), FailureCategory.AUTH_FAILED, "wrong-ftp-secret");
    }

    @Test
    void tlsAskedOfAServerWithoutTlsIsTls() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.put("tls", true);
        assertFailed(probes.test("ftp", parameters, TIMEOUT), FailureCategory.TLS, PASSWORD);
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.put("port", Endpoints.closedPort());
        assertFailed(probes.test("ftp", parameters, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(PASSWORD);
            parameters.put("port", silent.port());
            assertFailed(probes.test("ftp", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(String password) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "username", USER, "password", password, "passiveMode", true));
    }
}
