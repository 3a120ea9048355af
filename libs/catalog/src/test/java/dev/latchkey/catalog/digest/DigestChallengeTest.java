package dev.latchkey.catalog.digest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Digest challenges read and answered: RFC 7616's own example (§3.9.1) for the hashes, then what servers send. */
class DigestChallengeTest {

    private static final String RFC_CHALLENGES = """
            Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, \
            nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""";
    private static final String RFC_MD5_CHALLENGE = """
            Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, \
            nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""";
    private static final String RFC_CLIENT_NONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void theRfcsSha256ExampleIsAnsweredWithItsResponse() {
        DigestChallenge challenge = DigestChallenge.first(List.of(RFC_CHALLENGES, RFC_MD5_CHALLENGE)).orElseThrow();

        assertEquals(DigestAlgorithm.SHA_256, challenge.algorithm());
        assertEquals("auth", challenge.qop());
        assertEquals("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256,"
                        + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001,"
                        + " cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
                        + " response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\","
                        + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
                challenge.authorization("GET", "/dir/index.html", "Mufasa", "Circle of Life", 1, RFC_CLIENT_NONCE, new byte[0]));
    }

    @Test
    void theRfcsMd5ExampleIsAnsweredWithItsResponse() {
        DigestChallenge challenge = DigestChallenge.first(List.of(RFC_MD5_CHALLENGE)).orElseThrow();

        String authorization = challenge.authorization("GET", "/dir/index.html", "Mufasa", "Circle of Life", 1,
                RFC_CLIENT_NONCE, new byte[0]);

        assertTrue(authorization.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), authorization);
        assertTrue(authorization.contains("algorithm=MD5"), authorization);
    }

    /**
     * RFC 7616 §3.9.2's own figures for this example cannot be reproduced (they are the subject of errata); these were
     * computed apart from this code, with Python's hashlib.
     */
    @Test
    void aNameOutsideAsciiIsHashedWhenTheServerAsksAndSha512256IsSpoken() {
        DigestChallenge challenge = DigestChallenge.first(List.of("Digest realm=\"api@example.org\", qop=\"auth\","
                + " algorithm=SHA-512-256, nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\","
                + " opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\", charset=UTF-8, userhash=true")).orElseThrow();

        String authorization = challenge.authorization("GET", "/doe.json", "Jäsøn Doe", "Secret, or not?", 1,
                "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", new byte[0]);

        assertTrue(authorization.startsWith("Digest username=\"793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b\""),
                authorization);
        assertTrue(authorization.contains("response=\"3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5\""),
                authorization);
        assertTrue(authorization.endsWith("userhash=true"), authorization);
    }

    @Test
    void aNameOutsideAsciiGoesInTheExtendedNotationWhenNotHashed() {
        DigestChallenge challenge = DigestChallenge.first(List.of("Digest realm=\"r\", nonce=\"n\", qop=auth")).orElseThrow();

        String authorization = challenge.authorization("GET", "/", "Jäsøn \"Doe\"", "pw", 1, "c", new byte[0]);

        assertTrue(authorization.startsWith("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20%22Doe%22, realm=\"r\""), authorization);
    }

    @Test
    void theCountAndTheSessionVariantChangeTheResponse() {
        DigestChallenge plain = DigestChallenge.first(List.of("Digest realm=\"r\", nonce=\"n\", qop=auth")).orElseThrow();
        DigestChallenge session = DigestChallenge.first(List.of("Digest realm=\"r\", nonce=\"n\", qop=auth, algorithm=MD5-sess"))
                .orElseThrow();

        String first = plain.authorization("GET", "/a", "u", "p", 1, "c", new byte[0]);
        String second = plain.authorization("GET", "/a", "u", "p", 2, "c", new byte[0]);

        assertTrue(first.contains("nc=00000001") && second.contains("nc=00000002"));
        assertFalse(response(first).equals(response(second)));
        assertFalse(response(first).equals(response(session.authorization("GET", "/a", "u", "p", 1, "c", new byte[0]))));
    }

    @Test
    void authIntHashesTheBodyIn() {
        DigestChallenge challenge = DigestChallenge.first(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""))
                .orElseThrow();

        String one = challenge.authorization("POST", "/a", "u", "p", 1, "c", "{}".getBytes(StandardCharsets.UTF_8));
        String other = challenge.authorization("POST", "/a", "u", "p", 1, "c", "[]".getBytes(StandardCharsets.UTF_8));

        assertTrue(one.contains("qop=auth-int"), one);
        assertFalse(response(one).equals(response(other)));
    }

    @Test
    void aChallengeWithoutQopIsAnsweredAsRfc2069Did() {
        DigestChallenge challenge = DigestChallenge.first(List.of("Digest realm=\"testrealm@host.com\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"")).orElseThrow();

        String authorization = challenge.authorization("GET", "/dir/index.html", "Mufasa", "CircleOfLife", 1, "c", new byte[0]);

        // H(H(A1):nonce:H(A2)), as RFC 2069 §2.4 computes it for these values.
        assertTrue(authorization.contains("response=\"1949323746fe6a43ef61f9606e7febea\""), authorization);
        assertFalse(authorization.contains("nc="), authorization);
        assertFalse(authorization.contains("cnonce="), authorization);
    }

    @Test
    void digestIsFoundAmongOtherSchemesInOneFieldAndQuotedValuesAreUnescaped() {
        DigestChallenge challenge = DigestChallenge.first(List.of("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\","
                + " Basic realm=\"simple\", Bearer abc==, Digest realm=\"say \\\"hi\\\"\", stale=TRUE, nonce=abc123"))
                .orElseThrow();

        assertEquals("say \"hi\"", challenge.realm());
        assertEquals("abc123", challenge.nonce());
        assertTrue(challenge.stale());
        assertEquals(DigestAlgorithm.MD5, challenge.algorithm());
        assertEquals(null, challenge.qop());
    }

    @Test
    void challengesThatCannotBeAnsweredAreSkipped() {
        assertTrue(DigestChallenge.first(List.of("Basic realm=\"r\"")).isEmpty());
        assertTrue(DigestChallenge.first(List.of("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1024")).isEmpty());
        assertTrue(DigestChallenge.first(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"")).isEmpty());
        assertTrue(DigestChallenge.first(List.of("Digest realm=\"r\"", "Digest nonce=\"n\"")).isEmpty());
        assertTrue(DigestChallenge.first(List.of("Digest realm=\"unclosed, nonce=\"n")).isEmpty());
        assertEquals(DigestAlgorithm.SHA_256, DigestChallenge.first(List.of(
                "Digest realm=\"r\", nonce=\"n\", algorithm=UNKNOWN", "Digest realm=\"r\", nonce=\"m\", algorithm=sha-256"))
                .orElseThrow().algorithm());
    }

    private static String response(String authorization) {
        return authorization.replaceAll(".*response=\"([0-9a-f]+)\".*", "$1");
    }
}
