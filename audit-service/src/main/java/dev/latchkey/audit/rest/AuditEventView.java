package dev.latchkey.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.audit.domain.AuditEntry;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** An audit entry as the API shows it; {@code chain} places it in its tenant's hash chain. */
public record AuditEventView(UUID id, Instant occurredAt, Instant receivedAt, Actor actor, String action, Target target,
        String outcome, String environment, JsonNode details, Chain chain) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Actor(String type, String id, String name) {
    }

    public record Target(String type, String id, String name) {
    }

    public record Chain(long position, String previousHash, String hash) {
    }

    /** One page, newest first; {@code nextCursor} is absent on the last page. */
    public record Page(List<AuditEventView> items, String nextCursor) {
    }

    public static AuditEventView of(AuditEntry entry) {
        HexFormat hex = HexFormat.of();
        return new AuditEventView(entry.eventId(), entry.occurredAt(), entry.receivedAt(),
                new Actor(entry.actorType(), entry.actorId(), entry.actorName()), entry.action(),
                new Target(entry.targetType(), entry.targetId(), entry.targetName()), entry.outcome(), entry.environment(),
                details(entry.details()), new Chain(entry.chainSeq(), hex.formatHex(entry.prevHash()), hex.formatHex(entry.hash())));
    }

    private static JsonNode details(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit log stores its details as JSON", e);
        }
    }
}
