package dev.latchkey.gateway.rest;

import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies: one within the replayable size is kept whole and sent again when the provider asks to wait; a
 * larger one, or one sent chunked, streams through once and the provider's "not now" is the caller's; a chunked body
 * past the largest passed on is cut off with a 413.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class RequestBodiesTest extends ProxyTestBase {

    private static final int REPLAYABLE = 1024 * 1024;

    @Test
    void aBodyOverTheReplayableSizeStreamsThroughWhole() {
        UUID gitea = gitea();
        String call = call();
        String body = "x".repeat(REPLAYABLE * 2 + 17);

        caller().header("X-Test-Call", call).contentType("application/octet-stream").body(body.getBytes(StandardCharsets.US_ASCII))
                .put(PROXY + gitea + "/repos/acme/app/contents/big.bin").then().statusCode(200);

        RecordingApi.Received received = RecordingApi.received(call);
        assertEquals(body.length(), received.body().length());
        assertEquals(String.valueOf(body.length()), received.header("Content-Length"));
        assertEquals("token " + GITEA_KEY, received.header("Authorization"));
    }

    @Test
    void aLargeChunkedBodyStreamsThroughChunkedASmallOneIsKeptWhole() throws Exception {
        UUID gitea = gitea();
        String call = call();
        String small = call();
        byte[] body = "y".repeat(REPLAYABLE * 2).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + PROXY + gitea + "/upload"))
                .header("Authorization", "Bearer " + token()).header("X-Test-Call", call)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> kept = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(gateway(gitea + "/upload"))).header("Authorization", "Bearer " + token()).header("X-Test-Call", small)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000]))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        RecordingApi.Received received = RecordingApi.received(call);
        assertEquals(body.length, received.body().length());
        assertEquals("chunked", received.header("Transfer-Encoding"));
        assertEquals(200, kept.statusCode(), kept.body());
        assertEquals("1000", RecordingApi.received(small).header("Content-Length"));
    }

    @Test
    void onlyAKeptBodyIsSentAgainWhenTheProviderAsksToWait() {
        UUID gitea = gitea();
        String kept = call();
        String streamed = call();

        caller().header("X-Test-Call", kept).body("z".repeat(REPLAYABLE)).put(PROXY + gitea + "/busy/1").then().statusCode(200);
        caller().header("X-Test-Call", streamed).body("z".repeat(REPLAYABLE + 1)).put(PROXY + gitea + "/busy/1").then()
                .statusCode(503).header("Retry-After", "1");

        assertEquals(2, RecordingApi.arrivals(kept));
        assertEquals(1, RecordingApi.arrivals(streamed));
    }

    @Test
    void aRefusedCallsBodyIsLetGoAndTheCallersConnectionCarriesItsNextCall() throws Exception {
        UUID gitea = gitea();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + token());

        HttpResponse<String> refused = client.send(request.copy().uri(URI.create(gateway(UUID.randomUUID() + "/upload")))
                .POST(HttpRequest.BodyPublishers.ofString("w".repeat(200_000))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> next = client.send(request.copy().uri(URI.create(gateway(gitea + "/user"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, refused.statusCode(), refused.body());
        assertEquals(200, next.statusCode(), next.body());
    }

    @Test
    void overHttp2ABodyOfKnownOrUnknownLengthPassesOnWholeAndAGetGoesWithoutOne() throws Exception {
        UUID gitea = gitea();
        // Java's default client upgrades its first request to HTTP/2 (h2c); the ones after are HTTP/2 streams.
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + token());
        String known = call();
        String unknown = call();
        String withoutBody = call();
        byte[] body = "u".repeat(300_000).getBytes(StandardCharsets.US_ASCII);

        assertEquals(200, client.send(request.copy().uri(URI.create(gateway(gitea + "/user"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> knownLength = client.send(request.copy().uri(URI.create(gateway(gitea + "/upload")))
                .header("X-Test-Call", known).POST(HttpRequest.BodyPublishers.ofString("v".repeat(1000))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownLength = client.send(request.copy().uri(URI.create(gateway(gitea + "/upload")))
                .header("X-Test-Call", unknown).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = client.send(request.copy().uri(URI.create(gateway(gitea + "/user")))
                .header("X-Test-Call", withoutBody).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, get.version());
        assertEquals(200, knownLength.statusCode(), knownLength.body());
        assertEquals(1000, RecordingApi.received(known).body().length());
        assertEquals(200, unknownLength.statusCode(), unknownLength.body());
        assertEquals(body.length, RecordingApi.received(unknown).body().length());
        assertEquals(200, get.statusCode(), get.body());
        assertNull(RecordingApi.received(withoutBody).header("Transfer-Encoding"), "a GET without a body is sent without one");
    }

    @Test
    void aChunkedBodyPastTheLargestPassedOnIsCutOffWithA413() throws IOException {
        UUID gitea = gitea();
        String call = call();

        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + PROXY + gitea + "/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                    + "\r\nX-Test-Call: " + call + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent <= 4 * 1024 * 1024; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            String answer = readUntil(socket.getInputStream(), "\"status\":");
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("The request body is too large to pass on"), answer);
        }
        assertNull(RecordingApi.received(call), "the provider never takes the cut-off body for a whole one");
    }

    private static String gateway(String pathUnderProxy) {
        return "http://localhost:" + RestAssured.port + PROXY + pathUnderProxy;
    }

    private String token() {
        return OidcTestServer.current().accessToken(tenant, "workflow-runner", "connections:call");
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        for (int read; !answer.toString().contains(marker) && (read = in.read(buffer)) > 0; ) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }
}
