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

/**
 * The S3 probe. No S3-compatible store runs here; a JDK HTTP server answers ListObjectsV2 as S3 does (the
 * result, or an error document with S3's error code), so the AWS SDK itself signs, sends and parses.
 */
class S3ProbeTest {

    private static final String KEY_ID = "LATCHKEYPROBEKEY";
    private static final String SECRET = "s3-secret-7c2e-aaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static HttpServer server;

    private final Probes probes = TestGuards.loopbackProbes();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", S3ProbeTest::answer);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void rightKeyListsTheBucket() {
        assertSucceeded(probes.test("minio", parameters(KEY_ID, "uploads"), TIMEOUT));
    }

    @Test
    void unknownAccessKeyIsAuthFailed() {
        assertFailed(probes.test("minio", parameters("UNKNOWNKEY", "uploads"), TIMEOUT), FailureCategory.AUTH_FAILED, SECRET);
    }

    @Test
    void bucketOfAnotherAccountIsPermissionDenied() {
        assertFailed(probes.test("s3", parameters(KEY_ID, "private"), TIMEOUT), FailureCategory.PERMISSION_DENIED, SECRET);
    }

    @Test
    void missingBucketIsConfig() {
        assertFailed(probes.test("s3", parameters(KEY_ID, "missing"), TIMEOUT), FailureCategory.CONFIG, SECRET);
    }

    @Test
    void closedPortIsUnreachable() {
        Map<String, Object> parameters = parameters(KEY_ID, "uploads");
        parameters.put("endpoint", "http://127.0.0.1:" + Endpoints.closedPort());
        assertFailed(probes.test("minio", parameters, TIMEOUT), FailureCategory.UNREACHABLE, SECRET);
    }

    @Test
    void silentStoreIsTimeout() throws Exception {
        try (Endpoints.Server silent = Endpoints.silent()) {
            Map<String, Object> parameters = parameters(KEY_ID, "uploads");
            parameters.put("endpoint", "http://127.0.0.1:" + silent.port());
            assertFailed(probes.test("minio", parameters, Duration.ofSeconds(1)), FailureCategory.TIMEOUT, SECRET);
        }
    }

    private static Map<String, Object> parameters(String keyId, String bucket) {
        return new HashMap<>(Map.of("endpoint", "http://127.0.0.1:" + server.getAddress().getPort(), "region", "us-east-1",
                "bucket", bucket, "accessKeyId", keyId, "secretAccessKey", SECRET, "pathStyleAccess", true));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getPath();
        if (!authorization.contains("Credential=" + KEY_ID + "/")) {
            send(exchange, 403, error("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."));
        } else if (path.startsWith("/private")) {
            send(exchange, 403, error("AccessDenied", "Access Denied"));
        } else if (path.startsWith("/missing")) {
            send(exchange, 404, error("NoSuchBucket", "The specified bucket does not exist"));
        } else {
            send(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<Name>uploads</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated>"
                    + "</ListBucketResult>");
        }
    }

    private static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
