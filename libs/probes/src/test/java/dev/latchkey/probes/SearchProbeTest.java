package dev.latchkey.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.testing.MisbehavingEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Elasticsearch/OpenSearch probe. No search server runs here; a JDK HTTP server answers as Elasticsearch
 * answers {@code GET /} (200 with the version, 401 for bad credentials, 403 without the monitor privilege),
 * so the probe's own HTTP client and its reading of each answer are exercised for real.
 */
class SearchProbeTest {

    private static final String PASSWORD = "search-secret-0b5d";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static HttpServer server;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", SearchProbeTest::answer);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void rightCredentialsReportTheVersion() {
        ProbeResult result = probes.test("elasticsearch", parameters("elastic", PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("8.15.0"), result.message());
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertFailed(probes.test("opensearch", parameters("elastic", "wrong-search-secret"), TIMEOUT),
                FailureCategory.AUTH_FAILED, "wrong-search-secret");
    }

    @Test
    void userWithoutMonitorPrivilegeStillProvesTheCredentials() {
        assertSucceeded(probes.test("elasticsearch", parameters("reader", PASSWORD), TIMEOUT));
    }

    @Test
    void closedPortIsUnreachable() {
        assertFailed(probes.test("elasticsearch", Map.of("url", "http://127.0.0.1:" + Endpoints.closedPort(),
                "username", "elastic", "password", PASSWORD), TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("elasticsearch", Map.of("url", "http://127.0.0.1:" + silent.port(),
                    "apiKey", PASSWORD), Duration.ofSeconds(1)), FailureCategory.TIMEOUT, PASSWORD);
        }
    }

    @Test
    void aHugeAnswerIsRefusedWithoutBeingRead() {
        try (var flood = MisbehavingEndpoint.flooding(100L * 1024 * 1024, false)) {
            ProbeResult result = probes.test("elasticsearch", Map.of("url", flood.url(""), "apiKey", PASSWORD), TIMEOUT);

            assertFailed(result, FailureCategory.CONFIG, PASSWORD);
            assertTrue(result.message().contains("larger than 64 KiB"), result.message());
        }
    }

    @Test
    void httpsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            assertFailed(probes.test("elasticsearch", Map.of("url", "https://127.0.0.1:" + plain.port(),
                    "apiKey", PASSWORD), TIMEOUT), FailureCategory.TLS, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(String username, String password) {
        return Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort(), "username", username, "password", password);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String elastic = basic("elastic"), reader = basic("reader");
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        if (elastic.equals(authorization)) {
            status = 200;
            body = "{\"name\":\"node-1\",\"version\":{\"number\":\"8.15.0\"},\"tagline\":\"You Know, for Search\"}";
        } else if (reader.equals(authorization)) {
            status = path.equals("/_security/_authenticate") ? 200 : 403;
            body = "{}";
        } else {
            status = 401;
            body = "{\"error\":\"unable to authenticate user\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
