package dev.latchkey.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ClickHouse probe against a loopback server that answers as ClickHouse's HTTP interface documents (no ClickHouse
 * server can run on this machine): the query, the version, and each refusal's error code, in the header as current
 * servers send it and in the body only as older ones do. Refused, silent and plain-text endpoints are real sockets.
 */
class ClickHouseProbeTest {

    private static final String PASSWORD = "clickhouse-secret-4c1e";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static HttpServer server;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ClickHouseProbeTest::clickHouse);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void theRightPasswordRunsTheQueryAndReportsTheVersion() {
        ProbeResult result = probes.test("clickhouse", parameters("analytics", PASSWORD, server.getAddress().getPort()), TIMEOUT);
        assertSucceeded(result);
        assertEquals("connected to ClickHouse 24.8.4.13, database analytics", result.message());
    }

    @Test
    void eachRefusalIsClassifiedByItsErrorCode() {
        int port = server.getAddress().getPort();
        assertFailed(probes.test("clickhouse", parameters("analytics", "wrong-clickhouse-secret", port), TIMEOUT),
                FailureCategory.AUTH_FAILED, "wrong-clickhouse-secret");
        ProbeResult missing = probes.test("clickhouse", parameters("nowhere", PASSWORD, port), TIMEOUT);
        assertFailed(missing, FailureCategory.CONFIG, PASSWORD);
        assertTrue(missing.message().contains("database nowhere does not exist"), missing.message());
        assertFailed(probes.test("clickhouse", parameters("secrets", PASSWORD, port), TIMEOUT), FailureCategory.PERMISSION_DENIED);
    }

    @Test
    void anHttpServerThatIsNotClickHouseIsConfig() {
        ProbeResult result = probes.test("clickhouse", parameters("not-clickhouse", PASSWORD, server.getAddress().getPort()), TIMEOUT);
        assertFailed(result, FailureCategory.CONFIG, PASSWORD);
        assertTrue(result.message().contains("is this ClickHouse's HTTP port?"), result.message());
    }

    @Test
    void closedSilentAndPlainTextEndpointsAreUnreachableTimeoutAndTls() throws Exception {
        assertFailed(probes.test("clickhouse", parameters("analytics", PASSWORD, Endpoints.closedPort()), TIMEOUT),
                FailureCategory.UNREACHABLE, PASSWORD);
        try (Endpoints.Server silent = Endpoints.silent()) {
            assertFailed(probes.test("clickhouse", parameters("analytics", PASSWORD, silent.port()), Duration.ofSeconds(1)),
                    FailureCategory.TIMEOUT, PASSWORD);
        }
        try (Endpoints.Server plain = Endpoints.plainText()) {
            Map<String, Object> parameters = parameters("analytics", PASSWORD, plain.port());
            parameters.put("tls", true);
            assertFailed(probes.test("clickhouse", parameters, TIMEOUT), FailureCategory.TLS, PASSWORD);
        }
    }

    private static Map<String, Object> parameters(String database, String password, int port) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "database", database, "username", "reader",
                "password", password, "tls", false));
    }

    /** ClickHouse's answers, as its HTTP interface documentation shows them. */
    private static void clickHouse(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String database = query.get("database");
        if (!ProbeHttp.basic("reader", PASSWORD).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 403, "516", "Code: 516. DB::Exception: reader: Authentication failed: password is incorrect, or there"
                    + " is no user with such name. (AUTHENTICATION_FAILED) (version 24.8.4.13 (official build))\n");
        } else if (database.equals("nowhere")) {
            answer(exchange, 404, null, "Code: 81, e.displayText() = DB::Exception: Database nowhere doesn't exist\n");
        } else if (database.equals("secrets")) {
            answer(exchange, 403, "497", "Code: 497. DB::Exception: reader: Not enough privileges. (ACCESS_DENIED)\n");
        } else if (database.equals("not-clickhouse") || !"SELECT version()".equals(query.get("query"))) {
            answer(exchange, 404, null, "<html><body>Not Found</body></html>");
        } else {
            answer(exchange, 200, null, "24.8.4.13\n");
        }
    }

    private static void answer(HttpExchange exchange, int status, String code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        if (code != null) {
            exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", code);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
