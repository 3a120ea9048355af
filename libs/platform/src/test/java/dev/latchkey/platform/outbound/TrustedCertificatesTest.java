package dev.latchkey.platform.outbound;

import dev.latchkey.testing.LoopbackCertificate;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code latchkey.outbound.trusted-certificates}: a token endpoint whose certificate a private CA signed (here a
 * self-signed one for 127.0.0.1) is refused by the JVM's authorities alone and reached once the operator names it.
 */
class TrustedCertificatesTest {

    private static LoopbackCertificate certificate;
    private static ScriptedTokenEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        certificate = LoopbackCertificate.create("on-premises-idp", "changeit");
        endpoint = ScriptedTokenEndpoint.startTls(certificate);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefused() {
        GuardedHttp http = http(Optional.empty());
        int before = endpoint.requests().size();

        Exception refused = assertThrows(Exception.class, () -> post(http));

        assertTrue(causes(refused).anyMatch(SSLHandshakeException.class::isInstance), refused.toString());
        assertEquals(before, endpoint.requests().size(), "nothing reached the endpoint");
    }

    @Test
    void theOperatorsTrustedCertificatesAreTrustedBesidesTheJvms() {
        GuardedHttp http = http(Optional.of(certificate.certificate().toString()));

        HttpResponse<String> response = post(http);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"access_token\""), response.body());
        assertEquals("refresh-token", endpoint.requests().get(endpoint.requests().size() - 1).get("grant_type"));
    }

    private static HttpResponse<String> post(GuardedHttp http) {
        return http.send("POST", URI.create("https://" + endpoint.hostAndPort() + "/token"),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "grant_type=refresh-token", Duration.ofSeconds(10),
                64 * 1024).await().atMost(Duration.ofSeconds(20));
    }

    private static GuardedHttp http(Optional<String> trusted) {
        TestOutboundConfig config = new TestOutboundConfig(false, List.of(), List.of("127.0.0.0/8"), trusted);
        return new GuardedHttp(new OutboundUrlGuard(config), config);
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).limit(10);
    }
}
