package dev.latchkey.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's token endpoint that does what a test scripts, for the quirks a real server will not produce on
 * demand: answers queued with {@link #then}, and otherwise a fresh access token and a rotated refresh token for
 * every grant. It records every request's form, so a test can count token requests per refresh token.
 */
public final class ScriptedTokenEndpoint implements AutoCloseable {

    /** One scripted answer: status, JSON body, extra headers, and how long to wait before sending it. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    /** Each request's form and {@code Authorization} header, kept together. */
    private record Received(Map<String, String> form, String authorization) {
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int expiresIn = 3600;
    private volatile boolean rotate = true;

    private ScriptedTokenEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ScriptedTokenEndpoint start() {
        try {
            return started(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256), "/token");
        } catch (IOException e) {
            throw new IllegalStateException("could not start the scripted token endpoint", e);
        }
    }

    /**
     * One over TLS with {@code certificate}, answering at every path: a catalog entry's token URL is https, its path the
     * provider's ({@code /realms/{realm}/protocol/openid-connect/token}).
     */
    public static ScriptedTokenEndpoint startTls(LoopbackCertificate certificate) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            return started(server, "/");
        } catch (IOException e) {
            throw new IllegalStateException("could not start the scripted token endpoint", e);
        }
    }

    private static ScriptedTokenEndpoint started(HttpServer server, String path) {
        ExecutorService executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint(server, executor);
        server.createContext(path, endpoint::handle);
        server.start();
        return endpoint;
    }

    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** {@code 127.0.0.1:<port>}: a catalog entry's host parameter. */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an answer for the next request that has none scripted yet. */
    public ScriptedTokenEndpoint then(Answer answer) {
        script.add(answer);
        return this;
    }

    /** Default answers: {@code expires_in} of new tokens; null leaves it out. */
    public ScriptedTokenEndpoint expiresIn(Integer seconds) {
        this.expiresIn = seconds == null ? -1 : seconds;
        return this;
    }

    /** Default answers: a new refresh token with every grant (true), or none in the response (false). */
    public ScriptedTokenEndpoint rotateRefreshTokens(boolean rotate) {
        this.rotate = rotate;
        return this;
    }

    /** Every request's form fields, in arrival order. */
    public List<Map<String, String>> requests() {
        synchronized (received) {
            return received.stream().map(Received::form).toList();
        }
    }

    /** Every request's {@code Authorization} header (empty when it had none), in arrival order. */
    public List<String> authorizations() {
        synchronized (received) {
            return received.stream().map(Received::authorization).toList();
        }
    }

    /** How many requests sent this refresh token. */
    public long requestsWith(String refreshToken) {
        return requests().stream().filter(form -> refreshToken.equals(form.get("refresh_token"))).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange.getRequestBody());
        received.add(new Received(form, Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "")));
        Answer answer = script.poll();
        if (answer == null) {
            answer = Answer.json(200, newTokens());
        }
        pause(answer.delay());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the client gave up waiting (a timeout under test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private String newTokens() {
        int n = issued.incrementAndGet();
        StringBuilder json = new StringBuilder("{\"access_token\": \"access-" + n + "\", \"token_type\": \"Bearer\"");
        if (expiresIn >= 0) {
            json.append(", \"expires_in\": ").append(expiresIn);
        }
        if (rotate) {
            json.append(", \"refresh_token\": \"refresh-").append(n).append('"');
        }
        return json.append('}').toString();
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new HashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                form.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
