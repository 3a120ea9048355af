package dev.latchkey.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as the audit log keeps it: who did what to which target, with what outcome, and the event's secret-free
 * data ({@code details}, JSON). {@code chainSeq}, {@code prevHash} and {@code hash} place it in its tenant's hash
 * chain ({@link ChainHash}); {@code seq} is its position in the whole log, 0 until stored.
 */
public record AuditEntry(
        long seq,
        UUID eventId,
        String tenant,
        long chainSeq,
        Instant occurredAt,
        Instant receivedAt,
        String actorType,
        String actorId,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String targetName,
        String outcome,
        String environment,
        String details,
        byte[] prevHash,
        byte[] hash) {

    /** This entry as the next link of its tenant's chain: after {@code prevHash}, at {@code chainSeq}. */
    public AuditEntry linked(long chainSeq, byte[] prevHash) {
        AuditEntry unhashed = new AuditEntry(seq, eventId, tenant, chainSeq, occurredAt, receivedAt, actorType, actorId, actorName,
                action, targetType, targetId, targetName, outcome, environment, details, prevHash, null);
        return new AuditEntry(seq, eventId, tenant, chainSeq, occurredAt, receivedAt, actorType, actorId, actorName, action,
                targetType, targetId, targetName, outcome, environment, details, prevHash,
                ChainHash.of(unhashed));
    }
}
