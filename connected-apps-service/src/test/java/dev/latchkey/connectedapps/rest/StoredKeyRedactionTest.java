package dev.latchkey.connectedapps.rest;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Defence in depth: a key that the form would refuse but that is in the secret store anyway (here the auth config's,
 * written past any form) makes the connection's test request fail inside the HTTP client, whose message quotes the
 * header. The result, the status reason viewers see, the events and the logs show the failure without the key.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class StoredKeyRedactionTest extends ConnectionTestBase {

    private static final String CANARY = "canary-62d8-stored-key";

    @ParameterizedTest(name = "a key with {0}")
    @ValueSource(strings = {"\n", "\u0000", "\u20ac"})
    void aStoredKeyThatBreaksItsRequestIsNowhereInTheResultTheEventsOrTheLogs(String character) throws IOException {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        api.start();
        try (LogCapture logs = LogCapture.start()) {
            UUID authConfig = authConfigs.create(tenant, "gitea", "api_key", Map.of("host", "127.0.0.1:" + api.getAddress().getPort()),
                    Map.of("apiKey", CANARY + character));
            String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");

            List<String> bodies = new ArrayList<>();
            bodies.add(as("developer").post(CONNECTIONS + "/" + id + "/test").then().statusCode(200)
                    .body("lastTest.ok", equalTo(false)).body("lastTest.message", containsString("[redacted]"))
                    .body("status", equalTo("ERROR")).body("statusReason", containsString("[redacted]")).extract().asString());
            bodies.add(as("viewer").get(CONNECTIONS + "/" + id).asString());
            bodies.add(as("viewer").get(CONNECTIONS).asString());

            bodies.forEach(body -> assertFalse(body.contains(CANARY), body));
            TopicReader.readUntil(bootstrapServers, Topics.CONNECTIONS,
                            record -> record.key().equals(id) && record.value().contains("connection.status_changed"), Duration.ofSeconds(20))
                    .forEach(record -> assertFalse(record.value().contains(CANARY), record.value()));
            logs.lines().forEach(line -> assertFalse(line.contains(CANARY), line));
        } finally {
            api.stop(0);
        }
    }
}
