package dev.latchkey.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.probes.ProbeAssertions.assertFailed;
import static dev.latchkey.probes.ProbeAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CouchDB and InfluxDB probes. Neither server runs here; a JDK HTTP server answers as their documentation says they
 * answer (CouchDB: {@code GET /_session} 200 with the signed-in user, 401 for refused credentials; InfluxDB:
 * {@code GET /api/v2/orgs} and {@code /api/v2/buckets} lists, 401 for a refused token), so the probes' own HTTP client
 * and their reading of each answer run for real; refused and silent endpoints are real sockets.
 */
class HttpApiProbesTest {

    private static final String PASSWORD = "couch-secret-3e71";
    private static final String TOKEN = "influx-token-9a02";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static HttpServer server;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/couch/", HttpApiProbesTest::couchDb);
        server.createContext("/influx/", HttpApiProbesTest::influxDb);
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

    private static Map<String, Object> influx(String token, String org, String bucket) {
        Map<String, Object> parameters = new HashMap<>(Map.of("url", url("/influx"), "token", token, "org", org));
        if (bucket != null) {
            parameters.put("bucket", bucket);
        }
        return parameters;
    }
}
