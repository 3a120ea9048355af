package dev.latchkey.connectedapps.rest;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Testing a connection against its real system: this machine's PostgreSQL through the native probe, with the
 * connection's own user over the auth config's parameters.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectionTestingTest extends ConnectionTestBase {

    @Test
    void aWorkingConnectionTestsOkAndAFailingOneBecomesErrorUntilItWorksAgain() {
        UUID authConfig = authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", 5432, "database", "postgres", "sslMode", "disable"),
                Map.of("password", "wrong-password"));
        String good = as("developer").body(connection(authConfig, "{\"username\": \"postgres\"}")).post(CONNECTIONS).then()
                .statusCode(201).extract().path("id");
        String wrong = as("developer").body(connection(authConfig, "{\"username\": \"no_such_role_for_latchkey\"}")).post(CONNECTIONS)
                .then().statusCode(201).extract().path("id");

        as("developer").post(CONNECTIONS + "/" + good + "/test").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("lastTest.ok", equalTo(true)).body("lastTest.tested", equalTo(true));
        as("developer").post(CONNECTIONS + "/" + wrong + "/test").then().statusCode(200)
                .body("status", equalTo("ERROR")).body("lastTest.ok", equalTo(false)).body("lastTest.category", equalTo("AUTH_FAILED"))
                .body("lastTest.message", not(containsString("wrong-password"))).body("statusReason", containsString("test failed"));

        var tested = TopicReader.readUntil(bootstrapServers, Topics.CONNECTIONS,
                record -> record.key().equals(wrong) && record.value().contains("connection.status_changed"), Duration.ofSeconds(20));
        assertTrue(tested.stream().anyMatch(record -> record.value().contains("connection.tested")));
        as("credentials:read").get(CONNECTIONS + "/" + wrong + "/credentials").then().statusCode(409);
    }

    @Test
    void aCustomSchemeHasNothingToTestAndKeepsItsStatus() {
        String id = connectAccount(oauthAuthConfig(Map.of()));

        as("developer").post(CONNECTIONS + "/" + id + "/test").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("lastTest.tested", equalTo(false)).body("lastTest.message", containsString("nothing to test"));
    }

    /** "Test" on a connect form: the body of a create, tested for real, and nothing of it kept. */
    @Test
    void aConnectionIsTestedBeforeItIsMadeAndNothingIsStored() {
        UUID authConfig = authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", 5432, "database", "postgres", "sslMode", "disable"),
                Map.of("password", "wrong-password"));

        as("developer").body(connection(authConfig, "{\"username\": \"postgres\"}")).post(CONNECTIONS + "/test").then()
                .statusCode(200).body("tested", equalTo(true)).body("ok", equalTo(true));
        as("developer").body(connection(authConfig, "{\"username\": \"no_such_role_for_latchkey\"}")).post(CONNECTIONS + "/test")
                .then().statusCode(200).body("ok", equalTo(false)).body("category", equalTo("AUTH_FAILED"));
        as("developer").body(connection(authConfig, "{\"username\": \"postgres\", \"port\": \"not a port\"}"))
                .post(CONNECTIONS + "/test").then().statusCode(400).body("errors.field", hasItem("credentials.port"));
        as("developer").body(connection(oauthAuthConfig(Map.of()), "{}")).post(CONNECTIONS + "/test").then().statusCode(200)
                .body("tested", equalTo(false)).body("message", containsString("proved when it is made"));
        as("viewer").body(connection(authConfig, "{\"username\": \"postgres\"}")).post(CONNECTIONS + "/test").then()
                .statusCode(403);
        asIn("other", "admin").body(connection(authConfig, "{\"username\": \"postgres\"}")).post(CONNECTIONS + "/test")
                .then().statusCode(400).body("errors.field", hasItem("authConfigId"));

        as("viewer").get(CONNECTIONS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** A custom key scheme's declared test request, sent for real with the auth config's key or the connection's own. */
    @Test
    void aCustomSchemesDeclaredTestRequestIsSentWithTheConnectionsKey() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/v1/me", exchange -> {
            exchange.sendResponseHeaders("shared-key-5d2e".equals(exchange.getRequestHeaders().getFirst("X-API-Key")) ? 200 : 401, -1);
            exchange.close();
        });
        api.start();
        try {
            UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("baseUrl", "http://127.0.0.1:"
                    + api.getAddress().getPort() + "/v1", "name", "X-API-Key", "in", "header", "testPath", "/me"),
                    Map.of("apiKey", "shared-key-5d2e"));
            String shared = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                    .extract().path("id");
            String own = as("developer").body(connection(authConfig, "{\"apiKey\": \"a-revoked-key\"}")).post(CONNECTIONS)
                    .then().statusCode(201).extract().path("id");

            as("developer").post(CONNECTIONS + "/" + shared + "/test").then().statusCode(200).body("status", equalTo("ACTIVE"))
                    .body("lastTest.tested", equalTo(true)).body("lastTest.ok", equalTo(true));
            as("developer").post(CONNECTIONS + "/" + own + "/test").then().statusCode(200).body("status", equalTo("ERROR"))
                    .body("lastTest.category", equalTo("AUTH_FAILED")).body("lastTest.message", not(containsString("a-revoked-key")));
        } finally {
            api.stop(0);
        }
    }

    /** A driver Latchkey cannot probe yet is not a failure: nothing was tried, and the credentials stay readable. */
    @Test
    void aNativeConnectorWithoutAProbeIsUntestedAndKeepsItsStatus() {
        UUID authConfig = authConfigs.create(tenant, "oracle", "native",
                Map.of("host", "127.0.0.1", "port", 1521, "serviceName", "orders", "tls", false), Map.of());
        String id = as("developer").body(connection(authConfig, "{\"username\": \"app\", \"password\": \"oracle-password\"}"))
                .post(CONNECTIONS).then().statusCode(201).extract().path("id");

        as("developer").post(CONNECTIONS + "/" + id + "/test").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("lastTest.tested", equalTo(false)).body("lastTest.message", containsString("no connection test for oracle"));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200);
    }

    @Test
    void aPendingConnectionIsNotTestedAndOnlyTestersOfTheTenantMayTest() {
        String pending = startConnecting(oauthAuthConfig(Map.of())).id();
        as("developer").post(CONNECTIONS + "/" + pending + "/test").then().statusCode(409).body("detail", containsString("reauthorize"));
        as("viewer").post(CONNECTIONS + "/" + pending + "/test").then().statusCode(403);
        asIn("other", "admin").post(CONNECTIONS + "/" + pending + "/test").then().statusCode(404);
    }
}
