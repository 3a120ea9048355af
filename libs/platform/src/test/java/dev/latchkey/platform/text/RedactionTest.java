package dev.latchkey.platform.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A message loses every form of the request's secrets that a client library might quote. */
class RedactionTest {

    private static final String SECRET = "s3cret key\n";

    @Test
    void theSecretItsUrlEncodingAndItsBase64AreRedacted() {
        Redaction redaction = Redaction.of(List.of(SECRET));
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

        assertEquals("invalid header value: \"Bearer [redacted]\"", redaction.apply("invalid header value: \"Bearer " + SECRET + "\""));
        assertEquals("GET /x?key=[redacted] failed", redaction.apply("GET /x?key=s3cret+key%0A failed"));
        assertEquals("sent [redacted]", redaction.apply("sent " + base64));
        assertNull(redaction.apply(null));
    }

    @Test
    void anAuthenticatingHeadersCredentialIsRedactedWholeAndAfterItsScheme() {
        String basic = Base64.getEncoder().encodeToString("user:pa\u0000ss".getBytes(StandardCharsets.UTF_8));
        Redaction redaction = Redaction.of(List.of()).andHeaders(Map.of("Authorization", "Basic " + basic, "Accept", "text/plain"));

        assertEquals("header [redacted], token [redacted], accepts text/plain",
                redaction.apply("header Basic " + basic + ", token " + basic + ", accepts text/plain"));
    }

    @Test
    void aSecretContainingAnotherIsReplacedWhole() {
        assertEquals("[redacted]", Redaction.of(List.of("abc", "abcdef")).apply("abcdef"));
    }
}
