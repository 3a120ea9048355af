package dev.latchkey.probes;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LDAP probe against a real LDAPv3 server: UnboundID's in-memory directory, listening on loopback with plain LDAP
 * and StartTLS on one port and LDAPS on another, its certificate self-signed for a name only the guard resolves.
 */
class LdapProbeTest {

    private static final String PINNED_NAME = "ldap.latchkey.invalid";
    private static final String BIND_DN = "cn=latchkey,dc=example,dc=com";
    private static final String PASSWORD = "ldap-secret-5c2e";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static InMemoryDirectoryServer directory;
    private static SelfSignedCertificate certificate;

    private final Probes probes = TestGuards.probesResolvingForTheGuardOnly(PINNED_NAME);

    @BeforeAll
    static void startDirectory() throws Exception {
        certificate = SelfSignedCertificate.forName(PINNED_NAME);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, certificate.serverContext().getSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                        certificate.serverContext().getServerSocketFactory(), null));
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=com", "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @Test
    void aPlainBindReadsTheBaseDn() {
        ProbeResult result = probes.test("ldap", parameters("none", "ldap", PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("bound as " + BIND_DN) && result.message().contains("ou=people"), result.message());
    }

    @Test
    void startTlsAndLdapsVerifyTheCertificateAgainstTheName() throws Exception {
        Map<String, Object> startTls = parameters("starttls", "ldap", PASSWORD);
        startTls.put("caCertificate", certificate.pem());
        assertSucceeded(probes.test("ldap", startTls, TIMEOUT));
        Map<String, Object> ldaps = parameters("ldaps", "ldaps", PASSWORD);
        ldaps.put("caCertificate", certificate.pem());
        ProbeResult result = probes.test("ldap", ldaps, TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("LDAPS"), result.message());

        ldaps.put("caCertificate", SelfSignedCertificate.forName("other.latchkey.invalid").pem());
        assertFailed(probes.test("ldap", ldaps, TIMEOUT), FailureCategory.TLS, PASSWORD);
        assertFailed(probes.test("ldap", parameters("ldaps", "ldaps", PASSWORD), TIMEOUT), FailureCategory.TLS, PASSWORD);
    }

    @Test
    void aWrongPasswordIsAuthFailed() {
        assertFailed(probes.test("ldap", parameters("none", "ldap", "not-the-password"), TIMEOUT), FailureCategory.AUTH_FAILED,
                "not-the-password");
    }

    @Test
    void aMissingBaseDnIsConfig() {
        Map<String, Object> parameters = parameters("none", "ldap", PASSWORD);
        parameters.put("baseDn", "ou=nobody,dc=example,dc=com");
        ProbeResult result = probes.test("ldap", parameters, TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG, PASSWORD);
        assertTrue(result.message().contains("does not exist"), result.message());
    }

    @Test
    void ldapsAskedOfAPlainListenerIsTlsAndAClosedPortIsUnreachable() throws Exception {
        Map<String, Object> parameters = parameters("ldaps", "ldap", PASSWORD);
        parameters.put("caCertificate", certificate.pem());
        assertFailed(probes.test("ldap", parameters, TIMEOUT), FailureCategory.TLS, PASSWORD);

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Map<String, Object> refused = parameters("none", "ldap", PASSWORD);
        refused.put("port", closed);
        assertFailed(probes.test("ldap", refused, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    private static Map<String, Object> parameters(String security, String listener, String password) {
        return new HashMap<>(Map.of("host", PINNED_NAME, "port", directory.getListenPort(listener), "security", security,
                "bindDn", BIND_DN, "password", password, "baseDn", "ou=people,dc=example,dc=com"));
    }
}
