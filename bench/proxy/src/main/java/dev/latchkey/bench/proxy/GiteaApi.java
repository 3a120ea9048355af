package dev.latchkey.bench.proxy;

import dev.latchkey.testing.LoopbackCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Gitea for the tool-call figure: the catalog's Gitea actions reach {@code https://<host>/api/v1}, so it answers over
 * TLS, with a certificate made here ({@link LoopbackCertificate}) that the gateway is told to trust ({@link #certificate()}).
 * Every request is answered with one issue in the shape Gitea's API documents, as {@code get_issue} reads it.
 */
final class GiteaApi implements AutoCloseable {

    private static final Buffer ISSUE = Buffer.buffer("{\"id\": 70, \"number\": 7, \"title\": \"Broken build\", \"body\": \"It fails.\","
            + " \"state\": \"open\", \"comments\": 2, \"html_url\": \"https://gitea.example.com/acme/app/issues/7\"}");

    private final HttpServer server;
    private final Path certificate;

    private GiteaApi(HttpServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    static GiteaApi start(Vertx vertx) throws IOException, InterruptedException {
        LoopbackCertificate certificate = LoopbackCertificate.create("bench-gitea", "bench-only");
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(
                        new PfxOptions().setPath(certificate.keyStore().toString()).setPassword(certificate.password())))
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(ISSUE));
        return new GiteaApi(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join(),
                certificate.certificate());
    }

    /** The Gitea connection's {@code host}. */
    String host() {
        return "127.0.0.1:" + server.actualPort();
    }

    /** Its certificate, PEM: what the gateway's {@code latchkey.gateway.trusted-certificates} names. */
    Path certificate() {
        return certificate;
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
