package dev.latchkey.bench.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * The API both ways of calling reach: on this machine's loopback, over plain http (the gateway runs with plain http and
 * loopback allowed, as under ./latchkey up). {@code /hello} answers a small JSON body at once; {@code /stream/<bytes>}
 * streams that many bytes, chunked, as fast as the reader takes them; {@code /upload} reads the body as it comes and
 * answers how many bytes it got.
 */
final class Upstream implements AutoCloseable {

    private static final Buffer HELLO = Buffer.buffer("{\"id\": 42, \"name\": \"a small answer, as most API calls get\"}");

    private final HttpServer server;

    private Upstream(HttpServer server) {
        this.server = server;
    }

    static Upstream start(Vertx vertx) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.startsWith("/stream/")) {
                request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
                Blocks.write(request.response(), Long.parseLong(path.substring("/stream/".length())));
            } else if (path.equals("/upload")) {
                long[] received = {0};
                request.handler(chunk -> received[0] += chunk.length());
                request.endHandler(ended -> request.response().end(String.valueOf(received[0])));
            } else {
                request.response().putHeader("Content-Type", "application/json").end(HELLO);
            }
        });
        return new Upstream(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join());
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
