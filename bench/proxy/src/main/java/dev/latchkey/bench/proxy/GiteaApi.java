package dev.latchkey.bench.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Gitea for the tool-call figure: the catalog's Gitea actions reach {@code https://<host>/api/v1}, so it answers over
 * TLS, with a certificate made here by the JDK's keytool that the gateway is told to trust ({@link #certificate()}).
 * Every request is answered with one issue in the shape Gitea's API documents, as {@code get_issue} reads it.
 */
final class GiteaApi implements AutoCloseable {

    private static final String PASSWORD = "bench-only";
    private static final Buffer ISSUE = Buffer.buffer("{\"id\": 70, \"number\": 7, \"title\": \"Broken build\", \"body\": \"It fails.\","
            + " \"state\": \"open\", \"comments\": 2, \"html_url\": \"https://gitea.example.com/acme/app/issues/7\"}");

    private final HttpServer server;
    private final Path certificate;

    private GiteaApi(HttpServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    static GiteaApi start(Vertx vertx) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("bench-gitea");
        Path keyStore = directory.resolve("gitea.p12");
        Path certificate = directory.resolve("gitea.pem");
        keytool("-genkeypair", "-alias", "gitea", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "gitea", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD)))
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(ISSUE));
        return new GiteaApi(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join(), certificate);
    }

    /** The Gitea connection's {@code host}. */
    String host() {
        return "127.0.0.1:" + server.actualPort();
    }

    /** Its certificate, PEM: what the gateway's {@code latchkey.gateway.trusted-certificates} names. */
    Path certificate() {
        return certificate;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
