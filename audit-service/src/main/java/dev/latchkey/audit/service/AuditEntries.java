package dev.latchkey.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.events.AccessEvents.AccessDenied;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.AllowedOriginsChanged;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.security.Caller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What the audit log records of an event: the actor from the envelope ({@code user:<id>}, {@code service:<id>},
 * {@code toolkit-token:<id>}, anything else is the system; its name from {@code actorname}, or a service's id), the action (the event's name), the target (an auth config or a connection, whose
 * id is the event's subject; an endpoint for a denial; the tenant for tenant settings), the outcome and the event's
 * data as details. Events carry no secret, so neither do the details.
 */
public final class AuditEntries {

    private AuditEntries() {
    }

    /** The entry for {@code event}, received at {@code receivedAt}; not yet in a chain. */
    public static AuditEntry of(CloudEvent event, Instant receivedAt) {
        EventData data = EventJson.data(event);
        String action = data.eventType().eventName();
        String[] actor = actor(event.actor());
        String targetType;
        String targetId;
        if (data instanceof AccessDenied denied) {
            targetType = "endpoint";
            targetId = denied.method() + " " + denied.path();
        } else if (data instanceof AllowedOriginsChanged) {
            targetType = "tenant";
            targetId = event.tenantid();
        } else {
            targetType = action.startsWith("auth_config.") ? "auth_config" : action.startsWith("toolkit.") ? "toolkit" : "connection";
            targetId = data.aggregateId();
        }
        // A token's events name the token, not the toolkit they target: the name in their details is the token's.
        String targetName = action.startsWith("toolkit.token_") ? null : text(event.data(), "name");
        return new AuditEntry(0, event.id(), storable(event.tenantid()), 0, micros(event.time() == null ? receivedAt : event.time()),
                micros(receivedAt), actor[0], storable(actor[1]),
                storable(event.actorname() != null ? event.actorname() : actor[0].equals("user") ? null : actor[1]),
                action, targetType, storable(targetId), targetName, outcome(action, event.data()),
                text(event.data(), "environment"), event.data().toString(), null, null);
    }

    /**
     * The entry audit-service records of a change to a tenant's retention, straight into the tenant's chain (it
     * owns the log; no other service needs the change as an event).
     */
    public static AuditEntry retentionChanged(Caller caller, int days, Integer previousDays) {
        Instant now = micros(Instant.now());
        String[] actor = actor(caller.actor());
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("days", days);
        details.put("previousDays", previousDays);
        return new AuditEntry(0, UUID.randomUUID(), caller.tenant(), 0, now, now, actor[0], storable(actor[1]), storable(caller.name()),
                "audit.retention_changed", "tenant", caller.tenant(), null, "success", null, details.toString(), null, null);
    }

    /** {@code denied} for a refusal; {@code failure} for a failed attempt, a test that did not pass or an action not carried out. */
    private static String outcome(String action, JsonNode data) {
        if (action.equals("access.denied")) {
            return "denied";
        }
        if (action.equals("access.action_run")) {
            return data.path("outcome").asText().equals("succeeded") ? "success" : "failure";
        }
        boolean failed = action.endsWith("_failed") || data.path("success").isBoolean() && !data.path("success").asBoolean();
        return failed ? "failure" : "success";
    }

    private static String[] actor(String actor) {
        if (actor != null && (actor.startsWith("user:") || actor.startsWith("service:") || actor.startsWith("toolkit-token:"))) {
            return actor.split(":", 2);
        }
        return new String[] {"system", actor == null ? "system" : actor};
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isTextual() ? null : storable(value.asText());
    }

    /** PostgreSQL's text cannot hold NUL; an event's strings may (the details keep it, escaped, in their JSON). */
    private static String storable(String text) {
        return text == null ? null : text.replace("\0", "");
    }

    /** PostgreSQL keeps microseconds: the hash is over what is stored. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
