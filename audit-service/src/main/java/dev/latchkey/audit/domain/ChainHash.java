package dev.latchkey.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The hash that links an audit entry into its tenant's chain: SHA-256 over the previous entry's hash followed by
 * the entry's canonical content (a JSON array of every stored field but the hashes and {@code seq}, times in
 * ISO-8601 UTC). Changing any field of any entry, or removing one, breaks the link to the entry after it.
 */
public final class ChainHash {

    /** The "previous hash" of a tenant's first entry. */
    public static final byte[] GENESIS = new byte[32];

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainHash() {
    }

    public static byte[] of(AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(entry.prevHash());
            sha256.update(canonical(entry));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the entry's stored hash is the one its content and stored previous hash give. */
    public static boolean holds(AuditEntry entry) {
        return Arrays.equals(entry.hash(), of(entry));
    }

    private static byte[] canonical(AuditEntry entry) {
        List<Object> fields = Arrays.asList(entry.tenant(), entry.chainSeq(), entry.eventId().toString(),
                entry.occurredAt().toString(), entry.receivedAt().toString(), entry.actorType(), entry.actorId(), entry.actorName(),
                entry.action(), entry.targetType(), entry.targetId(), entry.targetName(), entry.outcome(), entry.environment(),
                entry.details());
        try {
            return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialize", e);
        }
    }
}
