package dev.latchkey.probes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;

/**
 * The MQTT probe against this machine's Mosquitto (127.0.0.1:1883, anonymous) and a second mosquitto started
 * here with a password file.
 */
class MqttProbeTest {

    private static final String USER = "latchkey";
    private static final String PASSWORD = "mqtt-secret-2d6f";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path directory;
    private static LocalProcessServer withPassword;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startBrokerWithPasswordFile() throws Exception {
        Path passwords = directory.resolve("passwords");
        Process passwd = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-b", "-c", passwords.toString(), USER, PASSWORD)
                .redirectErrorStream(true).redirectOutput(directory.resolve("passwd.log").toFile()).start();
        if (passwd.waitFor() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed");
        }
        int port = Endpoints.closedPort();
        Path config = Files.writeString(directory.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1", "allow_anonymous false", "password_file " + passwords, "persistence false",
                // Run as root, mosquitto would drop to its own user, which may not read the test's private directory.
                "user " + System.getProperty("user.name"), ""));
        withPassword = LocalProcessServer.start(List.of("/usr/sbin/mosquitto", "-c", config.toString()), port,
                directory.resolve("mosquitto.log"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (withPassword != null) {
            withPassword.close();
        }
    }

    @Test
    void anonymousBrokerConnects() {
        assertSucceeded(probes.test("mqtt", Map.of("host", "127.0.0.1", "port", 1883), TIMEOUT));
    }

    @Test
    void rightPasswordConnects() {
        assertSucceeded(probes.test("mqtt", credentials(PASSWORD), TIMEOUT));
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("mqtt", credentials("wrong-mqtt-secret"), TIMEOUT), FailureCategory.AUTH_FAILED, "wrong-mqtt-secret");
    }

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("mqtt", Map.of("host", "127.0.0.1", "port", Endpoints.closedPort()), TIMEOUT),
                FailureCategory.UNREACHABLE);
    }

    @Test
    void silentBrokerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("mqtt", Map.of("host", "127.0.0.1", "port", silent.port()), Duration.ofSeconds(1)),
                    FailureCategory.TIMEOUT);
        }
    }

    private static Map<String, Object> credentials(String password) {
        return Map.of("host", "127.0.0.1", "port", withPassword.port(), "username", USER, "password", password);
    }
}
