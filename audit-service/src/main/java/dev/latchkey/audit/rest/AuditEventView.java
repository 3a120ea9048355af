package dev.latchkey.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.latchkey.audit.domain.AuditEntry;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** An audit entry as the API shows it; {@code chain} places it in its tenant's hash chain. */
public record AuditEventView(UUID id, Instant occurredAt, Instant receivedAt, Actor actor, String action, Target target,
        String outcome, String environment, JsonNode details, Chain chain) {

    /** Reads the stored details; writes the view as the API does (ISO-8601 times), for the NDJSON export. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record Actor(String type, String id, String name) {
    }

    public record Target(String type, String id, String name) {
    }

    public record Chain(long position, String previousHash, String hash) {
    }

    public static AuditEventView of(AuditEntry entry) {
        HexFormat hex = HexFormat.of();
        return new AuditEventView(entry.eventId(), entry.occurredAt(), entry.receivedAt(),
                new Actor(entry.actorType(), entry.actorId(), entry.actorName()), entry.action(),
                new Target(entry.targetType(), entry.targetId(), entry.targetName()), entry.outcome(), entry.environment(),
                details(entry.details()), new Chain(entry.chainSeq(), hex.formatHex(entry.prevHash()), hex.formatHex(entry.hash())));
    }

    /** This view as one line of JSON. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the view always serializes", e);
        }
    }

    private static JsonNode details(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit log stores its details as JSON", e);
        }
    }
}
