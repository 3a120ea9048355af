package dev.latchkey.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.latchkey.testing.LoopbackCertificate;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API on this machine that records what it receives, reached over TLS (a self-signed certificate for 127.0.0.1,
 * which the gateway is told to trust as an operator would add a company CA) and over plain HTTP. Its paths, under any
 * base path: {@code /big/<bytes>} answers that many bytes (declared or, with {@code ?chunked}, streamed), {@code /slow}
 * never answers (its exchange is held until the API stops), {@code /redirect} sends the caller to another host,
 * {@code /created} answers 201, {@code /needs/<token>} answers 401 to any other bearer token, {@code /busy/<n>} answers
 * 503 with {@code Retry-After: 1} to the first n requests of a call, {@code /limited/<seconds>} answers 429 with that
 * {@code Retry-After}; anything else answers 200 with a small JSON body and headers of its own. Each request is
 * recorded under the value of its {@code X-Test-Call} header, and counted.
 */
public class RecordingApi implements QuarkusTestResourceLifecycleManager {

    private static final char[] PASSWORD = "recording-api".toCharArray();

    /** What a request brought: method, path and query as sent, headers (lower-case names), body. */
    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(", ", values);
        }
    }

    private static final Map<String, Received> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ARRIVALS = new ConcurrentHashMap<>();
    private static HttpsServer tls;
    private static HttpServer plain;
    private static CountDownLatch stopped;
    private static SSLContext tlsContext;

    /** {@code 127.0.0.1:<port>} of the TLS server. */
    public static String tlsHost() {
        return "127.0.0.1:" + tls.getAddress().getPort();
    }

    /** The TLS server's key and certificate, which the gateway trusts: for other servers of the same tests. */
    static SSLContext tlsContext() {
        return tlsContext;
    }

    /** {@code http://127.0.0.1:<port>} of the plain server. */
    public static String plainUrl() {
        return "http://127.0.0.1:" + plain.getAddress().getPort();
    }

    /** How many requests arrived under {@code call}. */
    public static int arrivals(String call) {
        AtomicInteger arrivals = ARRIVALS.get(call);
        return arrivals == null ? 0 : arrivals.get();
    }

    /** The request recorded under {@code call}, or null when none arrived. */
    public static Received received(String call) {
        return RECEIVED.get(call);
    }

    @Override
    public Map<String, String> start() {
        try {
            LoopbackCertificate certificate = LoopbackCertificate.create("recording-api", new String(PASSWORD));
            stopped = new CountDownLatch(1);
            tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            tlsContext = sslContext(certificate.keyStore());
            tls.setHttpsConfigurator(new HttpsConfigurator(tlsContext));
            plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            for (HttpServer server : List.of(tls, plain)) {
                server.createContext("/", RecordingApi::answer);
                server.setExecutor(Executors.newCachedThreadPool());
                server.start();
            }
            return Map.of("latchkey.gateway.trusted-certificates", certificate.certificate().toString());
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("the recording API did not start", e);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        tls.stop(0);
        plain.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String call = exchange.getRequestHeaders().getFirst("X-Test-Call");
        Map<String, List<String>> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        int arrival = call == null ? 0 : ARRIVALS.computeIfAbsent(call, ignored -> new AtomicInteger()).incrementAndGet();
        if (call != null) {
            RECEIVED.put(call, new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    headers, body));
        }
        // The last segment says what to do, under whichever base path the entry's API has.
        String path = exchange.getRequestURI().getPath();
        if (path.matches(".*/big/[0-9]+")) {
            big(exchange, Long.parseLong(path.substring(path.lastIndexOf('/') + 1)), "chunked".equals(exchange.getRequestURI().getQuery()));
            return;
        }
        if (path.endsWith("/slow")) {
            holdUntilStopped(exchange);
            return;
        }
        if (path.matches(".*/needs/[^/]+") && !("Bearer " + path.substring(path.lastIndexOf('/') + 1))
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        if (path.matches(".*/busy/[0-9]+") && arrival <= Integer.parseInt(path.substring(path.lastIndexOf('/') + 1))) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (path.matches(".*/limited/[0-9]+")) {
            exchange.getResponseHeaders().add("Retry-After", path.substring(path.lastIndexOf('/') + 1));
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
            return;
        }
        if (path.endsWith("/redirect")) {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/steal");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        byte[] answer = "{\"ok\": true, \"method\": \"%s\"}".formatted(exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Provider-Request-Id", "req-42");
        exchange.getResponseHeaders().add("Set-Cookie", "provider-session=abc; Secure");
        exchange.sendResponseHeaders(path.endsWith("/created") ? 201 : 200, exchange.getRequestMethod().equals("HEAD") ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!exchange.getRequestMethod().equals("HEAD")) {
                out.write(answer);
            }
        }
    }

    private static void big(HttpExchange exchange, long bytes, boolean chunked) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < bytes; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - sent));
            }
        } catch (IOException closedByTheGateway) {
            // The gateway cut the answer off where it passed the cap: what the test expects.
        }
    }

    /** An API that took the request and never answers it: the exchange stays open until the API stops. */
    private static void holdUntilStopped(HttpExchange exchange) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static SSLContext sslContext(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
