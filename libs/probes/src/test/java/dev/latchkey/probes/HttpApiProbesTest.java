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
 * The CouchDB, InfluxDB and ClickHouse probes. No such server runs here; a JDK HTTP server answers as their documentation says they
 * answer (CouchDB: {@code GET /_session} 200 with the signed-in user, 401 for refused credentials; InfluxDB:
 * {@code GET /api/v2/orgs} and {@code /api/v2/buckets} lists, 401 for a refused token; ClickHouse's HTTP interface: the
 * version for {@code SELECT version()}, each refusal's error code in the header as current servers send it and in the
 * body only as older ones do), so the probes' own HTTP client
 * and their reading of each answer run for real; refused and silent endpoints are real sockets.
 */
class HttpApiProbesTest {

    private static final String PASSWORD = "couch-secret-3e71";
    private static final String TOKEN = "influx-token-9a02";
    private static final String CLICKHOUSE_PASSWORD = "clickhouse-secret-4c1e";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static HttpServer server;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/couch/", HttpApiProbesTest::couchDb);
        server.createContext("/influx/", HttpApiProbesTest::influxDb);
        server.createContext("/", HttpApiProbesTest::clickHouse);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void couchDbSignsTheUserInAndReportsTheVersion() {
        ProbeResult result = probes.test("couchdb", couch("admin", PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertTrue(result.message().contains("CouchDB 3.4.2") && result.message().contains("as admin"), result.message());
        assertFailed(probes.test("couchdb", couch("admin", "not-the-couch-password"), TIMEOUT), FailureCategory.AUTH_FAILED,
                "not-the-couch-password");
    }

    @Test
    void anHttpServerThatIsNotCouchDbIsConfig() {
        Map<String, Object> parameters = couch("admin", PASSWORD);
        parameters.put("url", url("/elsewhere"));
        assertFailed(probes.test("couchdb", parameters, TIMEOUT), FailureCategory.CONFIG, PASSWORD);
    }

    @Test
    void influxDbFindsTheOrganizationAndTheBucket() {
        assertSucceeded(probes.test("influxdb", influx(TOKEN, "acme", null), TIMEOUT));
        ProbeResult bucket = probes.test("influxdb", influx(TOKEN, "acme", "metrics"), TIMEOUT);
        assertSucceeded(bucket);
        assertTrue(bucket.message().contains("bucket metrics"), bucket.message());
    }

    @Test
    void influxDbSaysWhatIsWrong() {
        assertFailed(probes.test("influxdb", influx("not-the-token", "acme", null), TIMEOUT), FailureCategory.AUTH_FAILED,
                "not-the-token");
        ProbeResult org = probes.test("influxdb", influx(TOKEN, "nobody", null), TIMEOUT);
        assertFailed(org, FailureCategory.CONFIG, TOKEN);
        assertTrue(org.message().contains("organization nobody"), org.message());
        ProbeResult bucket = probes.test("influxdb", influx(TOKEN, "acme", "missing"), TIMEOUT);
        assertFailed(bucket, FailureCategory.CONFIG, TOKEN);
        assertTrue(bucket.message().contains("bucket missing"), bucket.message());
    }

    @Test
    void closedAndSilentEndpointsAreUnreachableAndTimeout() throws Exception {
        Map<String, Object> closed = couch("admin", PASSWORD);
        closed.put("url", "http://127.0.0.1:" + Endpoints.closedPort());
        assertFailed(probes.test("couchdb", closed, TIMEOUT), FailureCategory.UNREACHABLE, PASSWORD);
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = influx(TOKEN, "acme", null);
            parameters.put("url", "http://127.0.0.1:" + silent.port());
            assertFailed(probes.test("influxdb", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, TOKEN);
        }
    }

    @Test
    void clickHouseRunsTheQueryAndReportsTheVersion() {
        ProbeResult result = probes.test("clickhouse", clickHouse("analytics", CLICKHOUSE_PASSWORD), TIMEOUT);
        assertSucceeded(result);
        assertEquals("connected to ClickHouse 24.8.4.13, database analytics", result.message());
    }

    @Test
    void clickHouseRefusalsAreClassifiedByTheirErrorCode() {
        assertFailed(probes.test("clickhouse", clickHouse("analytics", "wrong-clickhouse-secret"), TIMEOUT),
                FailureCategory.AUTH_FAILED, "wrong-clickhouse-secret");
        ProbeResult missing = probes.test("clickhouse", clickHouse("nowhere", CLICKHOUSE_PASSWORD), TIMEOUT);
        assertFailed(missing, FailureCategory.CONFIG, CLICKHOUSE_PASSWORD);
        assertTrue(missing.message().contains("database nowhere does not exist"), missing.message());
        assertFailed(probes.test("clickhouse", clickHouse("secrets", CLICKHOUSE_PASSWORD), TIMEOUT), FailureCategory.PERMISSION_DENIED);
        ProbeResult notClickHouse = probes.test("clickhouse", clickHouse("not-clickhouse", CLICKHOUSE_PASSWORD), TIMEOUT);
        assertFailed(notClickHouse, FailureCategory.CONFIG, CLICKHOUSE_PASSWORD);
        assertTrue(notClickHouse.message().contains("is this ClickHouse's HTTP port?"), notClickHouse.message());
    }

    @Test
    void tlsAskedOfAPlainTextServerIsTls() throws Exception {
        try (Endpoints.Server plain = Endpoints.plainText()) {
            Map<String, Object> parameters = clickHouse("analytics", CLICKHOUSE_PASSWORD);
            parameters.put("port", plain.port());
            parameters.put("tls", true);
            assertFailed(probes.test("clickhouse", parameters, TIMEOUT), FailureCategory.TLS, CLICKHOUSE_PASSWORD);
        }
    }

    /** CouchDB's answers, as its documentation shows them. */
    private static void couchDb(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/couch".length());
        boolean signedIn = ProbeHttp.basic("admin", PASSWORD).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!signedIn) {
            answer(exchange, 401, "{\"error\":\"unauthorized\",\"reason\":\"Name or password is incorrect.\"}");
        } else if (path.equals("/_session")) {
            answer(exchange, 200, "{\"ok\":true,\"userCtx\":{\"name\":\"admin\",\"roles\":[\"_admin\"]},\"info\":"
                    + "{\"authentication_handlers\":[\"cookie\",\"default\"],\"authenticated\":\"default\"}}");
        } else {
            answer(exchange, 200, "{\"couchdb\":\"Welcome\",\"version\":\"3.4.2\",\"vendor\":{\"name\":\"The Apache Software"
                    + " Foundation\"}}");
        }
    }

    /** InfluxDB's answers, as its v2 API documentation shows them. */
    private static void influxDb(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/influx".length());
        String query = exchange.getRequestURI().getQuery();
        if (!("Token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}");
        } else if (path.equals("/api/v2/orgs")) {
            answer(exchange, query.equals("org=acme") ? 200 : 404, query.equals("org=acme")
                    ? "{\"links\":{},\"orgs\":[{\"id\":\"0a1b\",\"name\":\"acme\"}]}"
                    : "{\"code\":\"not found\",\"message\":\"organization name \\\"nobody\\\" not found\"}");
        } else if (path.equals("/api/v2/buckets")) {
            answer(exchange, 200, query.endsWith("name=metrics") ? "{\"links\":{},\"buckets\":[{\"id\":\"9f\",\"name\":\"metrics\"}]}"
                    : "{\"links\":{},\"buckets\":[]}");
        } else {
            answer(exchange, 404, "{\"code\":\"not found\",\"message\":\"path not found\"}");
        }
    }

    /** ClickHouse's answers, as its HTTP interface documentation shows them. */
    private static void clickHouse(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>(Map.of("database", "not-clickhouse"));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String database = query.get("database");
        if (!ProbeHttp.basic("reader", CLICKHOUSE_PASSWORD).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", "516");
            answer(exchange, 403, "Code: 516. DB::Exception: reader: Authentication failed: password is incorrect, or there is no"
                    + " user with such name. (AUTHENTICATION_FAILED) (version 24.8.4.13 (official build))\n");
        } else if (database.equals("nowhere")) {
            answer(exchange, 404, "Code: 81, e.displayText() = DB::Exception: Database nowhere doesn't exist\n");
        } else if (database.equals("secrets")) {
            exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", "497");
            answer(exchange, 403, "Code: 497. DB::Exception: reader: Not enough privileges. (ACCESS_DENIED)\n");
        } else if (database.equals("not-clickhouse") || !"SELECT version()".equals(query.get("query"))) {
            answer(exchange, 404, "<html><body>Not Found</body></html>");
        } else {
            answer(exchange, 200, "24.8.4.13\n");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static Map<String, Object> couch(String username, String password) {
        return new HashMap<>(Map.of("url", url("/couch"), "username", username, "password", password));
    }

    private static Map<String, Object> clickHouse(String database, String password) {
        return new HashMap<>(Map.of("host", "127.0.0.1", "port", server.getAddress().getPort(), "database", database,
                "username", "reader", "password", password, "tls", false));
    }

    private static Map<String, Object> influx(String token, String org, String bucket) {
        Map<String, Object> parameters = new HashMap<>(Map.of("url", url("/influx"), "token", token, "org", org));
        if (bucket != null) {
            parameters.put("bucket", bucket);
        }
        return parameters;
    }
}
