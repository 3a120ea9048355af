package dev.latchkey.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventSchemaTest {

    private static final URI SOURCE = URI.create("/latchkey/connected-apps-service");

    static List<EventData> samples() {
        return EventSamples.all();
    }

    @Test
    void everyEventTypeHasASample() {
        assertEquals(Set.of(EventType.values()), samples().stream().map(EventData::eventType).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordTravelsInItsEnvelopeValidatesAgainstItsSchemaAndReadsBackEqual(EventData sample) throws Exception {
        CloudEvent sent = EventJson.envelope(sample, SOURCE, "demo", "user:alice");
        CloudEvent received = EventJson.read(EventJson.write(sent));

        EventType type = sample.eventType();
        assertEquals(type.cloudEventType(), received.type());
        assertEquals(sample.aggregateId(), received.subject());
        assertEquals(type.dataSchema(), received.dataschema());
        assertEquals(Set.of(), schema(type).validate(received.data()).stream()
                .map(Object::toString).collect(Collectors.toSet()), "schema violations");
        assertEquals(sample, EventJson.data(received));
    }

    @Test
    void schemaIdsAreTheDataSchemaUris() throws Exception {
        for (EventType type : EventType.values()) {
            assertEquals(type.dataSchema().toString(), schemaJson(type).get("$id").asText());
        }
    }

    @Test
    void schemaRejectsAFieldItDoesNotDeclare() throws Exception {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.envelope(
                EventSamples.all().get(0), SOURCE, "demo", "system").data();
        data.put("clientSecret", "hunter2");

        assertFalse(schema(EventType.AUTH_CONFIG_CREATED).validate(data).isEmpty());
    }

    @Test
    void cloudEventTypesAreVersionedAndUnique() {
        var types = Arrays.stream(EventType.values()).map(EventType::cloudEventType).collect(Collectors.toSet());
        assertEquals(EventType.values().length, types.size());
        types.forEach(type -> assertEquals(true, type.matches("dev\\.latchkey\\.[a-z_]+\\.[a-z_]+\\.v1"), type));
    }

    private static JsonSchema schema(EventType type) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson(type));
    }

    static JsonNode schemaJson(EventType type) throws Exception {
        try (var in = EventSchemaTest.class.getResourceAsStream(type.schemaResource())) {
            return new ObjectMapper().readTree(in);
        }
    }
}
