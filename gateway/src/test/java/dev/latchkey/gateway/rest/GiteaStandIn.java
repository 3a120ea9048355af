package dev.latchkey.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A contract test's stand-in for a Gitea instance: it answers the paths of the catalog's Gitea actions with the shapes
 * Gitea's API documents (its Swagger definitions: an issue, a comment, a page of pull requests with a {@code Link}
 * header to the next), and records every request. A repository named {@code missing} answers 404 with a message that
 * echoes the request's {@code Authorization} header, as a careless API might, and one named {@code echo} answers an
 * issue whose text echoes it. Over TLS with the recording API's
 * certificate, which the gateway trusts.
 */
final class GiteaStandIn implements AutoCloseable {

    /** What a request brought: method, path and query as sent, its Authorization and Content-Type, its body. */
    record Request(String method, String target, String authorization, String contentType, String body) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    GiteaStandIn() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(RecordingApi.tlsContext()));
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** {@code 127.0.0.1:<port>}, the Gitea connection's host. */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), target, authorization,
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.contains("/repos/acme/missing/")) {
            send(exchange, 404, "{\"message\": \"The target couldn't be found.\", \"errors\": [\"no repository for "
                    + authorization + "\"], \"url\": \"https://" + host() + "/api/swagger\"}");
        } else if (path.endsWith("/pulls") && method.equals("GET")) {
            boolean second = target.contains("page=2");
            if (!second) {
                exchange.getResponseHeaders().add("Link", "<https://" + host() + path + "?limit=2&page=2&state=open>; rel=\"next\","
                        + "<https://" + host() + path + "?limit=2&page=2&state=open>; rel=\"last\"");
            }
            send(exchange, 200, second ? "[" + pull(3, "docs") + "]" : "[" + pull(1, "feature") + ", " + pull(2, "fix") + "]");
        } else if (path.contains("/repos/acme/echo/")) {
            send(exchange, 200, "{\"number\": 1, \"title\": \"Echo\", \"body\": \"asked with " + authorization + "\"}");
        } else if (path.matches(".*/issues/[0-9]+") && method.equals("GET")) {
            send(exchange, 200, issue("open"));
        } else if (path.matches(".*/issues/[0-9]+") && method.equals("PATCH")) {
            send(exchange, 201, issue(body.contains("\"closed\"") ? "closed" : "open"));
        } else if (path.endsWith("/comments") && method.equals("POST")) {
            send(exchange, 201, "{\"id\": 99, \"body\": \"noted\", \"html_url\": \"https://" + host() + "/acme/app/issues/7#issuecomment-99\","
                    + " \"user\": {\"id\": 1, \"login\": \"bot\"}, \"created_at\": \"2026-12-07T10:00:00Z\"}");
        } else {
            send(exchange, 404, "{\"message\": \"not found\"}");
        }
    }

    private String pull(int number, String branch) {
        return ("{\"id\": %d0, \"number\": %d, \"title\": \"Pull %d\", \"state\": \"open\", \"html_url\": \"https://%s/acme/app/pulls/%d\","
                + " \"head\": {\"ref\": \"%s\", \"sha\": \"abc\"}, \"base\": {\"ref\": \"main\", \"sha\": \"def\"}, \"mergeable\": true}")
                .formatted(number, number, number, host(), number, branch);
    }

    private String issue(String state) {
        return ("{\"id\": 70, \"number\": 7, \"title\": \"Broken build\", \"body\": \"It fails.\", \"state\": \"%s\","
                + " \"html_url\": \"https://%s/acme/app/issues/7\", \"comments\": 2, \"labels\": [],"
                + " \"user\": {\"id\": 1, \"login\": \"alice\"}, \"created_at\": \"2026-12-01T09:00:00Z\"}").formatted(state, host());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
