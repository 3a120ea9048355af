package dev.latchkey.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, with Latchkey's extensions: {@code tenantid} (whose data
 * this is), {@code actor} (who caused it) and, when known, {@code actorname} (the actor's display name).
 * The payload never carries a secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        URI source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        URI dataschema,
        String tenantid,
        String actor,
        String actorname,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be " + SPEC_VERSION + ", was " + specversion);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantid, "tenantid");
    }

    /** A new event with a fresh id, stamped now. */
    public static CloudEvent of(URI source, String type, String subject, String tenantId, String actor, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID(), source, type, subject, Instant.now(),
                JSON, null, tenantId, actor, null, data);
    }
}
