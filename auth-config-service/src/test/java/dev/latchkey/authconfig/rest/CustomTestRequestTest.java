package dev.latchkey.authconfig.rest;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.testing.DigestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A custom key, token or password scheme proves itself with the test request it declares: a path under its base URL,
 * sent for real to an API on this machine that knows one key and records the paths it is asked for.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class CustomTestRequestTest extends AuthConfigTestBase {

    private static final String KEY = "custom-key-7c1e";

    private HttpServer api;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void anApiThatKnowsOneKey() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/v1", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            boolean known = KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"));
            exchange.sendResponseHeaders(known ? 200 : 401, -1);
            exchange.close();
        });
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void theDeclaredRequestPassesWithTheKeyAndFailsWithAnotherOne() {
        String tenant = newTenant();
        String good = created(tenant, withTestRequest("good", KEY, "/me?fields=id"));
        String wrong = created(tenant, withTestRequest("wrong", "not-the-key", "/me"));

        admin(tenant).post(AUTH_CONFIGS + "/" + good + "/test").then().statusCode(200)
                .body("tested", equalTo(true)).body("ok", equalTo(true)).body("status", equalTo("ACTIVE"));
        admin(tenant).post(AUTH_CONFIGS + "/" + wrong + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("category", equalTo("AUTH_FAILED")).body("status", equalTo("ERROR"))
                .body("message", not(containsString("not-the-key")));
        assertEquals(List.of("GET /v1/me?fields=id", "GET /v1/me"), asked, "under the base URL, as declared");
    }

    /** A custom Digest scheme's test request answers the challenge of a real Digest server (Jetty's own). */
    @Test
    void aCustomDigestSchemeAnswersARealServersChallengeAndAWrongPasswordFails() throws Exception {
        String tenant = newTenant();
        try (DigestServer server = new DigestServer("SHA-256", null)) {
            String good = created(tenant, digest("digest ok", server.url(), DigestServer.PASSWORD));
            String wrong = created(tenant, digest("digest wrong", server.url(), "not-the-digest-password"));

            admin(tenant).post(AUTH_CONFIGS + "/" + good + "/test").then().statusCode(200)
                    .body("tested", equalTo(true)).body("ok", equalTo(true)).body("status", equalTo("ACTIVE"));
            admin(tenant).post(AUTH_CONFIGS + "/" + wrong + "/test").then().statusCode(200)
                    .body("ok", equalTo(false)).body("category", equalTo("AUTH_FAILED"))
                    .body("message", not(containsString("not-the-digest-password")));
            assertEquals(4, server.arrivals("").size(), "a challenge and an answer for each test");
            assertTrue(server.arrivals("").stream().noneMatch(authorization -> authorization.contains(DigestServer.PASSWORD)),
                    "the password itself never travels");
        }
    }

    @Test
    void withoutATestRequestThereIsNothingToTest() {
        String tenant = newTenant();
        String id = created(tenant, """
                {"name": "plain", "category": "custom", "type": "api_key",
                 "config": {"baseUrl": "%s", "name": "X-API-Key", "in": "header"}, "secrets": {"apiKey": "%s"}}"""
                .formatted(baseUrl(), KEY));

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("tested", equalTo(false)).body("ok", equalTo(false)).body("category", nullValue())
                .body("message", containsString("declares no test request"));
        assertEquals(List.of(), asked);
    }

    @Test
    void aTestPathThatCouldLeaveTheBaseUrlIsRefused() {
        String tenant = newTenant();
        for (String path : List.of("//attacker.example/x", "@attacker.example/x", "/v1/../admin", "me")) {
            create(tenant, withTestRequest("p", KEY, path)).statusCode(400)
                    .body("errors.field", contains("config.testPath"));
        }
    }

    @Test
    void theCloudMetadataAddressIsRefusedByTheSsrfGuard() {
        String tenant = newTenant();
        String id = created(tenant, """
                {"name": "metadata", "category": "custom", "type": "bearer_token",
                 "config": {"baseUrl": "http://169.254.169.254/latest", "testPath": "/meta-data"},
                 "secrets": {"token": "metadata-token-41c9"}}""");

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("category", equalTo("CONFIG")).body("message", containsString("not allowed"));
    }

    private String withTestRequest(String name, String key, String testPath) {
        return """
                {"name": "%s", "category": "custom", "type": "api_key",
                 "config": {"baseUrl": "%s", "name": "X-API-Key", "in": "header", "testPath": "%s", "testStatus": 200},
                 "secrets": {"apiKey": "%s"}}""".formatted(name, baseUrl(), testPath, key);
    }

    private static String digest(String name, String baseUrl, String password) {
        return """
                {"name": "%s", "category": "custom", "type": "digest",
                 "config": {"baseUrl": "%s", "username": "%s", "testPath": "/account"}, "secrets": {"password": "%s"}}"""
                .formatted(name, baseUrl, DigestServer.USER, password);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort() + "/v1";
    }
}
