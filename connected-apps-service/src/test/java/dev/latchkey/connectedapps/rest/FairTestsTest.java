package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant's tests cannot starve another's (OWASP API4): tenant A starts 300 tests at once against a tarpit, a
 * real TCP server on loopback that accepts and never answers, while tenant B tests a working connection to this
 * machine's PostgreSQL and reads its credentials. A holds its own slots (latchkey.tests.per-tenant, 10) for the
 * test timeout; the rest of its tests are refused at once with 429; B answers in normal time throughout.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class FairTestsTest extends ConnectionTestBase {

    private static final int PER_TENANT = 10;
    private static final int STORM = 300;

    @TestHTTPResource("/")
    URI service;

    @Test
    void hundredsOfTestsAgainstATarpitInOneTenantLeaveAnotherTenantsTestsOnTime() throws Exception {
        try (var tarpit = new Tarpit()) {
            String stormy = tenant;
            String tarpitted = as("developer").body(connection(postgres(tarpit.port()), "{\"username\": \"postgres\"}"))
                    .post(CONNECTIONS).then().statusCode(201).extract().path("id");
            newTenant();
            String working = as("developer").body(connection(postgres(5432), "{\"username\": \"postgres\"}"))
                    .post(CONNECTIONS).then().statusCode(201).extract().path("id");

            HttpClient client = HttpClient.newBuilder().build();
            String token = OidcTestServer.current().accessToken(stormy, "user", "developer");
            List<CompletableFuture<HttpResponse<String>>> storm = IntStream.range(0, STORM)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(service.resolve(CONNECTIONS + "/" + tarpitted + "/test"))
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            tarpit.awaitHeld(PER_TENANT);

            long started = System.nanoTime();
            as("developer").post(CONNECTIONS + "/" + working + "/test").then().statusCode(200).body("lastTest.ok", equalTo(true));
            as("credentials:read").get(CONNECTIONS + "/" + working + "/credentials").then().statusCode(200);
            Duration other = Duration.ofNanos(System.nanoTime() - started);

            CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            List<HttpResponse<String>> answers = storm.stream().map(CompletableFuture::join).toList();
            long refused = answers.stream().filter(answer -> answer.statusCode() == 429).count();
            assertTrue(other.compareTo(Duration.ofSeconds(5)) < 0, "tenant B waited " + other + " while A's tests hung");
            assertEquals(STORM - PER_TENANT, refused, "all but A's own slots are refused");
            assertTrue(answers.stream().filter(answer -> answer.statusCode() == 429).allMatch(answer ->
                    answer.headers().firstValue("Retry-After").isPresent()
                            && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")));
            assertEquals(PER_TENANT, answers.stream().filter(answer -> answer.statusCode() == 200
                    && answer.body().contains("\"status\":\"ERROR\"")).count(), "A's own tests ran, and failed at the tarpit");
            assertEquals(PER_TENANT, tarpit.held(), "no test beyond A's slots reached the tarpit");
        }
    }

    private UUID postgres(int port) {
        return authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", port, "database", "postgres", "sslMode", "disable"),
                Map.of("password", "tarpit-or-not"));
    }

    /** Accepts every connection and never says a word; counts the connections it holds. */
    private static final class Tarpit implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        Tarpit() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "tarpit");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int held() {
            return held.size();
        }

        void awaitHeld(int count) {
            Eventually.until(count + " connections held by the tarpit", () -> held.size() >= count);
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
