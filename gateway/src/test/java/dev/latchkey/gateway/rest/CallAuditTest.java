package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.LogCapture;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every call through the gateway is an {@code access.proxied} event: what was called and answered, by whom, never a
 * credential, a query value or a body; and no credential reaches a log line or a problem answer.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class CallAuditTest extends ProxyTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnsweredCallIsAnEventThatNamesTheCallButNoSecretQueryOrBody() throws Exception {
        UUID gitea = gitea();

        String body = "{\"body\": \"body-canary\"}";
        caller().contentType("application/json").body(body)
                .post(PROXY + gitea + "/repos/acme/app/issues?q=query-canary").then().statusCode(200);

        JsonNode event = proxiedEventOf(gitea);
        assertEquals("/latchkey/gateway", event.path("source").asText());
        assertEquals("user:workflow-runner", event.path("actor").asText());
        JsonNode data = event.path("data");
        assertEquals("POST", data.path("method").asText());
        assertEquals(RecordingApi.tlsHost(), data.path("host").asText());
        assertEquals("/api/v1/repos/acme/app/issues", data.path("path").asText());
        assertEquals(200, data.path("status").asInt());
        assertEquals("answered", data.path("outcome").asText());
        assertEquals(body.length(), data.path("requestBytes").asLong());
        String text = event.toString();
        for (String canary : List.of(GITEA_KEY, "query-canary", "body-canary")) {
            assertFalse(text.contains(canary), canary + " in " + text);
        }
    }

    @Test
    void aCallThatGotNoAnswerIsAnEventTooAndNoCredentialReachesALogOrTheAnswer() throws Exception {
        UUID gitea = connections.withCredentials(tenant, "gitea", "api_key", Map.of("host", "10.255.255.1"),
                Map.of("apiKey", GITEA_KEY));

        try (LogCapture logs = LogCapture.start()) {
            String answer = caller().get(PROXY + gitea + "/user").then().statusCode(502).extract().asString();

            assertFalse(answer.contains(GITEA_KEY), answer);
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(GITEA_KEY)));
        }
        JsonNode data = proxiedEventOf(gitea).path("data");
        assertEquals("refused", data.path("outcome").asText());
        assertTrue(data.path("status").isNull(), data.toString());
    }

    private JsonNode proxiedEventOf(UUID connection) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, Topics.ACCESS,
                record -> record.key().equals(connection.toString()) && record.value().contains("access.proxied"),
                Duration.ofSeconds(30));
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        assertEquals(connection.toString(), last.key(), "no access.proxied event of " + connection);
        JsonNode event = JSON.readTree(last.value());
        assertEquals(tenant, event.path("tenantid").asText());
        return event;
    }
}
