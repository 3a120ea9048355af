package dev.latchkey.probes;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
 * The SMTP and IMAP probes against a real mail server, GreenMail, on loopback: plain SMTP and IMAP, SMTPS and IMAPS
 * with a certificate self-signed for a name only the guard resolves. GreenMail offers no STARTTLS: asking for it is
 * the refusal a server without it gives.
 */
class MailProbeTest {

    private static final String PINNED_NAME = "mail.latchkey.invalid";
    private static final String USER = "probe@example.com";
    private static final String PASSWORD = "mail-secret-8a31";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static GreenMail mail;
    private static String caCertificate;

    private final Probes probes = TestGuards.probesResolvingForTheGuardOnly(PINNED_NAME);

    @BeforeAll
    static void startMailServer() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forName(PINNED_NAME);
        caCertificate = certificate.pem();
        System.setProperty("greenmail.tls.keystore.file", certificate.keyStoreFile().toString());
        System.setProperty("greenmail.tls.keystore.password", SelfSignedCertificate.password());
        System.setProperty("greenmail.tls.key.password", SelfSignedCertificate.password());
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, loopback, ServerSetup.PROTOCOL_SMTP), new ServerSetup(0, loopback, ServerSetup.PROTOCOL_SMTPS),
                new ServerSetup(0, loopback, ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(0, loopback, ServerSetup.PROTOCOL_IMAPS)});
        mail.start();
        mail.setUser(USER, USER, PASSWORD);
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
        System.clearProperty("greenmail.tls.key.password");
    }

    @Test
    void smtpLogsInOverTlsAndPlainAndRefusesAWrongPassword() {
        ProbeResult tls = probes.test("smtp", smtp("tls", mail.getSmtps().getPort(), PASSWORD), TIMEOUT);
        assertSucceeded(tls);
        assertTrue(tls.message().contains("SMTP") && tls.message().contains("TLS"), tls.message());
        assertSucceeded(probes.test("smtp", smtp("none", mail.getSmtp().getPort(), PASSWORD), TIMEOUT));
        assertFailed(probes.test("smtp", smtp("tls", mail.getSmtps().getPort(), "not-the-password"), TIMEOUT),
                FailureCategory.AUTH_FAILED, "not-the-password");
    }

    @Test
    void imapLogsInOverTlsAndPlainAndRefusesAWrongPassword() {
        ProbeResult tls = probes.test("imap", imap(true, mail.getImaps().getPort(), PASSWORD), TIMEOUT);
        assertSucceeded(tls);
        assertTrue(tls.message().contains("IMAP"), tls.message());
        assertSucceeded(probes.test("imap", imap(false, mail.getImap().getPort(), PASSWORD), TIMEOUT));
        assertFailed(probes.test("imap", imap(true, mail.getImaps().getPort(), "not-the-password"), TIMEOUT),
                FailureCategory.AUTH_FAILED, "not-the-password");
    }

    @Test
    void aCertificateForAnotherNameOrNoCaIsTls() throws Exception {
        Map<String, Object> other = smtp("tls", mail.getSmtps().getPort(), PASSWORD);
        other.put("caCertificate", SelfSignedCertificate.forName("other.latchkey.invalid").pem());
        assertFailed(probes.test("smtp", other, TIMEOUT), FailureCategory.TLS, PASSWORD);
        Map<String, Object> publicCas = imap(true, mail.getImaps().getPort(), PASSWORD);
        publicCas.remove("caCertificate");
        assertFailed(probes.test("imap", publicCas, TIMEOUT), FailureCategory.TLS, PASSWORD);
    }

    @Test
    void starttlsOfAServerWithoutItAndTlsOfAPlainPortAreTls() {
        assertFailed(probes.test("smtp", smtp("starttls", mail.getSmtp().getPort(), PASSWORD), TIMEOUT), FailureCategory.TLS,
                PASSWORD);
        assertFailed(probes.test("imap", imap(true, mail.getImap().getPort(), PASSWORD), Duration.ofSeconds(2)),
                FailureCategory.TLS, PASSWORD);
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertFailed(probes.test("smtp", smtp("tls", closed, PASSWORD), TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    private static Map<String, Object> smtp(String security, int port, String password) {
        return new HashMap<>(Map.of("host", PINNED_NAME, "port", port, "security", security, "username", USER,
                "password", password, "caCertificate", caCertificate));
    }

    private static Map<String, Object> imap(boolean tls, int port, String password) {
        return new HashMap<>(Map.of("host", PINNED_NAME, "port", port, "tls", tls, "username", USER,
                "password", password, "caCertificate", caCertificate));
    }
}
