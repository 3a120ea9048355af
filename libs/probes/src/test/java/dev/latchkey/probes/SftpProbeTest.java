package dev.latchkey.probes;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SFTP probe against an Apache MINA SSHD server with the SFTP subsystem, started in this JVM. */
class SftpProbeTest {

    private static final String USER = "latchkey";
    private static final String PASSWORD = "sftp-secret-6d0a";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path directory;
    private static SshServer server;
    private static KeyPair clientKey;
    private static String hostKeyFingerprint;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        clientKey = generator.generateKeyPair();

        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(directory.resolve("host-key.ser")));
        server.setPasswordAuthenticator((username, password, session) -> USER.equals(username) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((username, key, session) -> USER.equals(username) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(directory));
        server.start();
        KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
        hostKeyFingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop(true);
        }
    }

    @Test
    void rightPasswordAndFingerprintOpenTheSftpSubsystem() {
        ProbeResult result = probes.test("sftp", parameters(PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("home"), result.message());
    }

    @Test
    void privateKeyLogsIn() {
        Map<String, Object> parameters = parameters(null);
        parameters.put("privateKey", pkcs8Pem(clientKey));
        ProbeResult result = probes.test("sftp", parameters, TIMEOUT);
        assertSucceeded(result);
        assertTrue(!result.message().contains("PRIVATE KEY"), result.message());
    }

    @Test
    void withoutFingerprintTheProbeSucceedsAndShowsTheHostKey() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.remove("hostKeyFingerprint");
        ProbeResult result = probes.test("sftp", parameters, TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains(hostKeyFingerprint), result.message());
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("sftp", parameters("wrong-sftp-secret"), TIMEOUT), FailureCategory.AUTH_FAILED, "wrong-sftp-secret");
    }

    @Test
    void unreadablePrivateKeyIsConfig() {
        Map<String, Object> parameters = parameters(null);
        parameters.put("privateKey", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertFailed(probes.test("sftp", parameters, TIMEOUT), FailureCategory.CONFIG, "bm90IGEga2V5");
    }

    @Test
    void otherHostKeyIsRefusedAsTls() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.put("hostKeyFingerprint", "SHA256:q0WFctlFbpSL2DHEPqDjCmanxpqYQBjC9jY8Cq1J5ZA");
        assertFailed(probes.test("sftp", parameters, TIMEOUT), FailureCategory.TLS, PASSWORD);
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters(PASSWORD);
        parameters.put("port", Endpoints.closedPort());
        assertFailed(probes.test("sftp", parameters, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(PASSWORD);
            parameters.put("port", silent.port());
            assertFailed(probes.test("sftp", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(String password) {
        Map<String, Object> parameters = new HashMap<>(Map.of("host", "127.0.0.1", "port", server.getPort(), "username", USER,
                "hostKeyFingerprint", hostKeyFingerprint));
        if (password != null) {
            parameters.put("password", password);
        }
        return parameters;
    }

    private static String pkcs8Pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
