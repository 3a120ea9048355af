package dev.latchkey.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloudEventJsonTest {

    private static final URI SOURCE = URI.create("/latchkey/auth-config-service");

    @Test
    void envelopeTravelsAsStructuredCloudEventsJsonAndReadsBackEqual() throws Exception {
        var data = JsonNodeFactory.instance.objectNode().put("name", "Google Workspace");
        var event = CloudEvent.of(SOURCE, "dev.latchkey.auth_config.created.v1", "ac-1", "demo", "user:alice", data);

        String json = EventJson.write(event);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertEquals("1.0", tree.get("specversion").asText());
        assertEquals("demo", tree.get("tenantid").asText());
        assertEquals("user:alice", tree.get("actor").asText());
        assertEquals("application/json", tree.get("datacontenttype").asText());
        assertEquals("Google Workspace", tree.at("/data/name").asText());
        assertFalse(tree.has("dataschema"), "absent optional attributes are omitted, not null");
        assertEquals(event, EventJson.read(json));
    }

    @Test
    void envelopeWithoutTenantIsRejected() {
        String json = """
                {"specversion":"1.0","id":"3f1c1a52-8f7e-4a53-9d6a-0a4f5a2b9c11","source":"/x","type":"t"}
                """;
        var error = assertThrows(IllegalArgumentException.class, () -> EventJson.read(json));
        assertEquals(true, error.getMessage().contains("tenantid"), error.getMessage());
    }

    @Test
    void topicsFollowTheVersionedNamingScheme() {
        assertEquals(5, Topics.ALL.size());
        Topics.ALL.forEach(topic -> assertEquals(true, topic.matches("latchkey\\.[a-z-]+\\.v1"), topic));
    }
}
