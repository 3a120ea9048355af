package dev.latchkey.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** asyncapi.yaml is what other platform teams subscribe by: it must name every topic and every event type. */
class AsyncApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        try (var in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithAChannelPerTopic() {
        assertEquals("3.0.0", document.get("asyncapi").asText());
        Set<String> addresses = new HashSet<>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertEquals(Set.copyOf(Topics.ALL), addresses);
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithItsSchema() throws Exception {
        Set<String> documented = new HashSet<>();
        for (JsonNode message : document.at("/components/messages")) {
            EventType type = EventType.valueOf(message.get("name").asText().replace('.', '_').toUpperCase());
            documented.add(type.eventName());
            assertEquals(type.cloudEventType(), message.at("/payload/allOf/1/properties/type/const").asText());
            String schema = message.at("/payload/allOf/1/properties/data/$ref").asText();
            assertNotNull(getClass().getResource("/" + schema), schema + " exists");
            assertEquals(type.schemaResource(), "/" + schema);
            assertEquals(1, countMessageInChannel(type), type + " is listed on its topic's channel");
        }
        Set<String> all = new HashSet<>();
        for (EventType type : EventType.values()) {
            all.add(type.eventName());
        }
        assertEquals(all, documented);
    }

    private static int countMessageInChannel(EventType type) {
        int count = 0;
        for (JsonNode channel : document.get("channels")) {
            if (channel.get("address").asText().equals(type.topic())) {
                for (JsonNode reference : channel.get("messages")) {
                    if (reference.get("$ref").asText().endsWith("/" + messageId(type))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static String messageId(EventType type) {
        String[] words = type.eventName().replace('.', '_').split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }
}
