package dev.latchkey.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Reads and writes events exactly as they travel on the topics: CloudEvents 1.0 structured JSON. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    /** A new envelope around {@code data}: fresh id, stamped now, typed, keyed and schema-linked from the record. */
    public static CloudEvent envelope(EventData data, URI source, String tenantId, String actor) {
        return envelope(data, source, tenantId, actor, null);
    }

    /** The same, naming the actor for people ({@code actorname}: a user's display name), when it is known. */
    public static CloudEvent envelope(EventData data, URI source, String tenantId, String actor, String actorName) {
        EventType type = data.eventType();
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type.cloudEventType(),
                data.aggregateId(), Instant.now(), CloudEvent.JSON, type.dataSchema(), tenantId, actor, actorName,
                MAPPER.valueToTree(data));
    }

    /** The typed record inside an envelope of a known Latchkey type. */
    public static EventData data(CloudEvent event) {
        EventType type = EventType.ofCloudEventType(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()));
        try {
            return MAPPER.treeToValue(event.data(), type.recordType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " does not match " + type.eventName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CloudEvent read(String json) {
        try {
            return MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Latchkey CloudEvent: " + e.getOriginalMessage(), e);
        }
    }
}
