package dev.latchkey.bench.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The API both ways of calling reach: on this machine's loopback, over plain http (the gateway runs with plain http and
 * loopback allowed, as under ./latchkey up). {@code /hello} answers a small JSON body at once; {@code /stream/<bytes>}
 * streams that many bytes, chunked, as fast as the reader takes them.
 */
final class Upstream implements AutoCloseable {

    private static final Buffer HELLO = Buffer.buffer("{\"id\": 42, \"name\": \"a small answer, as most API calls get\"}");
    private static final Buffer BLOCK = Buffer.buffer(new byte[64 * 1024]);

    private final HttpServer server;

    private Upstream(HttpServer server) {
        this.server = server;
    }

    static Upstream start(Vertx vertx) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.startsWith("/stream/")) {
                stream(request.response(), Long.parseLong(path.substring("/stream/".length())));
            } else {
                request.response().putHeader("Content-Type", "application/json").end(HELLO);
            }
        });
        return new Upstream(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join());
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Writes blocks while the reader keeps up, waits when it does not: the stream is never held whole. */
    private static void stream(HttpServerResponse response, long bytes) {
        response.setChunked(true).putHeader("Content-Type", "application/octet-stream");
        long[] left = {bytes};
        Runnable[] fill = new Runnable[1];
        fill[0] = () -> {
            while (left[0] > 0 && !response.writeQueueFull()) {
                int size = (int) Math.min(BLOCK.length(), left[0]);
                response.write(size == BLOCK.length() ? BLOCK : BLOCK.getBuffer(0, size));
                left[0] -= size;
            }
            if (left[0] == 0) {
                response.end();
            } else {
                response.drainHandler(ignored -> fill[0].run());
            }
        };
        fill[0].run();
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
