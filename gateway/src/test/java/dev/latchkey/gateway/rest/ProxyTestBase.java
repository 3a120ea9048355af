package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.events.Topics;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the proxy's tests share: a fresh tenant each test, callers by role, connections made by events. */
abstract class ProxyTestBase {

    static final String PROXY = "/api/v1/proxy/";
    static final String GITEA_KEY = "gitea-key-canary-7f3a";

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    Connections connections;
    String tenant;

    @BeforeEach
    void newTenant() {
        connections = new Connections(bootstrapServers, secrets, pool);
        tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A caller of this test's tenant with {@code roles}. */
    RequestSpecification as(String... roles) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "workflow-runner", roles)).urlEncodingEnabled(false);
    }

    /** A caller that may call through connections. */
    RequestSpecification caller() {
        return as("connections:call");
    }

    /** A Gitea connection (an API key in Authorization after "token ") to the recording API over TLS. */
    UUID gitea() {
        return connections.withCredentials(tenant, "gitea", "api_key", Map.of("host", RecordingApi.tlsHost()),
                Map.of("apiKey", GITEA_KEY));
    }

    /** The newest access.action_run event of the connection. */
    JsonNode runEvent(String connection) {
        var records = TopicReader.readUntil(bootstrapServers, Topics.ACCESS, record -> record.key().equals(connection)
                && record.value().contains("access.action_run"), Duration.ofSeconds(30));
        var last = records.get(records.size() - 1);
        assertEquals(connection, last.key(), "no access.action_run event of " + connection);
        try {
            return new ObjectMapper().readTree(last.value());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A unique label for one request, so its recording is found. */
    static String call() {
        return UUID.randomUUID().toString();
    }
}
