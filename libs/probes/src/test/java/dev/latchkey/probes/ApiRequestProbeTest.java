package dev.latchkey.probes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.ConnectionTest;
import dev.latchkey.catalog.TemplateValues;
import dev.latchkey.catalog.auth.ApiKey;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.Bearer;
import dev.latchkey.catalog.auth.ConnectionParameters;
import dev.latchkey.catalog.auth.Digest;
import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.testing.DigestServer;
import dev.latchkey.testing.MisbehavingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A catalog entry's test request, sent for real to an HTTP server on this machine: the base URL rendered from the
 * connection's parameters, the credential placed where the scheme says, the answer judged as the entry expects.
 */
class ApiRequestProbeTest {

    private static final String KEY = "key-0d9f-test";
    private static final ConnectionParameters HOST = new ConnectionParameters(new ObjectMapper().createObjectNode()
            .put("type", "object").set("properties", new ObjectMapper().createObjectNode()
                    .set("host", new ObjectMapper().createObjectNode().put("type", "string"))));

    private final ApiRequestProbe probe = new ApiRequestProbe(TestGuards.http(), 1024 * 1024);
    private HttpServer server;

    @BeforeEach
    void anApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/user", exchange -> {
            boolean known = ("token " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || String.valueOf(exchange.getRequestURI().getRawQuery()).contains("api_key=" + KEY)
                    || ("session_key=prefix-" + KEY).equals(exchange.getRequestHeaders().getFirst("Cookie"));
            answer(exchange, known ? 200 : 401, known ? "{\"ok\": true, \"user\": {\"login\": \"me\"}}" : "{}");
        });
        server.createContext("/api/v1/flagged", exchange -> answer(exchange, 200, "{\"ok\": false, \"error\": \"invalid_auth\"}"));
        server.createContext("/api/v1/forbidden", exchange -> answer(exchange, 403, "{}"));
        server.createContext("/api/v1/teapot", exchange -> answer(exchange, 418, "{}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aKeyInAHeaderWithItsPrefixPassesAndAWrongOneIsAnAuthenticationFailure() {
        ApiKey gitea = new ApiKey("token", null, HOST, "Authorization", ApiKey.Placement.HEADER, "token ");

        assertTrue(check(gitea, "/user", KEY, Map.of("ok", true)).ok());
        ProbeResult wrong = check(gitea, "/user", "not-the-key", Map.of());
        assertEquals(FailureCategory.AUTH_FAILED, wrong.category());
        assertFalse(wrong.message().contains("not-the-key"), wrong.message());
    }

    @Test
    void aBearerTokenAndAKeyInTheQueryAreSentWhereTheSchemeSays() {
        assertTrue(check(new Bearer("token", null, HOST), "/user", KEY, Map.of()).ok());
        assertTrue(check(new ApiKey("key", null, HOST, "api_key", ApiKey.Placement.QUERY, ""), "/user", KEY, Map.of()).ok());
    }

    @Test
    void aKeyInACookieGoesAfterItsPrefixUnderItsName() {
        ApiKey cookie = new ApiKey("key", null, HOST, "session_key", ApiKey.Placement.COOKIE, "prefix-");

        assertTrue(check(cookie, "/user", KEY, Map.of()).ok());
        assertEquals(FailureCategory.AUTH_FAILED, check(cookie, "/user", "not-the-key", Map.of()).category());
    }

    /** Digest: the test request answers the challenge of a real server (Jetty's own), as the gateway's calls do. */
    @Test
    void digestCredentialsAnswerTheServersChallengeAndAWrongPasswordIsAnAuthenticationFailure() throws Exception {
        Digest digest = new Digest("digest", null, HOST, "Public key", "Private key");
        for (String algorithm : List.of("MD5", "SHA-256")) {
            try (DigestServer server = new DigestServer(algorithm, null)) {
                ProbeResult passed = checkDigest(digest, server, DigestServer.PASSWORD);
                ProbeResult refused = checkDigest(digest, server, "not-the-private-key");

                assertTrue(passed.ok(), algorithm + ": " + passed.message());
                assertEquals(FailureCategory.AUTH_FAILED, refused.category(), algorithm + ": " + refused.message());
                assertEquals(4, server.arrivals("").size(), "a challenge and an answer each");
                assertFalse(refused.message().contains("not-the-private-key"), refused.message());
            }
        }
    }

    /** The HTTP client refuses a header with a newline and quotes it in its message: the result must not. */
    @Test
    void aKeyThatNoHeaderCanCarryFailsWithoutBeingQuoted() {
        for (String broken : List.of(KEY + "\n", KEY + "\u0000", KEY + "\u20ac")) {
            ProbeResult result = check(new Bearer("token", null, HOST), "/user", broken, Map.of());

            assertEquals(FailureCategory.CONFIG, result.category());
            assertTrue(result.message().contains("[redacted]"), result.message());
            assertFalse(result.message().contains(KEY), result.message());
        }
    }

    @Test
    void anAnswerIsJudgedByTheEntrysExpectations() {
        ApiKey key = new ApiKey("token", null, HOST, "Authorization", ApiKey.Placement.HEADER, "token ");

        ProbeResult flagged = check(key, "/flagged", KEY, Map.of("ok", true));
        assertEquals(FailureCategory.AUTH_FAILED, flagged.category());
        assertTrue(flagged.message().contains("ok = false"), flagged.message());
        assertEquals(FailureCategory.PERMISSION_DENIED, check(key, "/forbidden", KEY, Map.of()).category());
        assertEquals(FailureCategory.CONFIG, check(key, "/teapot", KEY, Map.of()).category());
    }

    @Test
    void aHugeAnswerIsRefusedWithoutBeingReadAndADrippedOneAtTheDeadline() {
        Bearer bearer = new Bearer("token", null, HOST);
        try (var flood = MisbehavingEndpoint.flooding(100L * 1024 * 1024, false);
             var drip = MisbehavingEndpoint.dripping(Duration.ofMillis(200), 10_000)) {
            ProbeResult huge = check(bearer, flood.url(""), "/user", KEY, Map.of());
            ProbeResult dripped = check(bearer, drip.url(""), "/user", KEY, Map.of());

            assertEquals(FailureCategory.CONFIG, huge.category());
            assertEquals("the answer's body is larger than 1 MiB, the most Latchkey reads from this endpoint", huge.message());
            assertEquals(FailureCategory.TIMEOUT, dripped.category());
            assertTrue(dripped.latencyMs() < 8_000, "failed after " + dripped.latencyMs() + " ms");
        }
    }

    private ProbeResult check(AuthOption option, String path, String credential, Map<String, Object> json) {
        return check(option, "http://127.0.0.1:" + server.getAddress().getPort(), path, credential, json);
    }

    private ProbeResult check(AuthOption option, String origin, String path, String credential, Map<String, Object> json) {
        ApiClient api = new ApiClient("http://{{config.host}}/api/v1", Map.of(), Map.of(),
                new ConnectionTest("GET", path, Map.of(), null, new ConnectionTest.Expect(List.of(200), json)));
        String field = option.type().credentials().get(0);
        Map<String, String> values = TemplateValues.of(option, Map.of("host", origin.replaceFirst("^http://", "")),
                Map.of(field, credential));
        return probe.check(api, option, values, Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
    }

    private ProbeResult checkDigest(Digest digest, DigestServer server, String password) {
        ApiClient api = new ApiClient("http://{{config.host}}/api/v1", Map.of(), Map.of(),
                new ConnectionTest("GET", "/user", Map.of(), null, new ConnectionTest.Expect(List.of(200), Map.of())));
        Map<String, String> values = TemplateValues.of(digest, Map.of("host", server.url().replaceFirst("^http://", "")),
                Map.of("username", DigestServer.USER, "password", password));
        return probe.check(api, digest, values, Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
