package dev.latchkey.connectedapps.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.connectedapps.domain.ToolkitToken;

import java.time.Instant;
import java.util.UUID;

/**
 * A toolkit's token as its API shows it: {@code token}, its value, only in the answer that issued it.
 *
 * @param status     {@code active}, {@code expired} or {@code revoked}
 * @param lastUsedAt when it last called its tools, to the minute; absent when never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolkitTokenView(UUID id, UUID toolkitId, String name, String status, Instant expiresAt, Instant revokedAt,
                               String createdBy, Instant createdAt, Instant lastUsedAt, String token) {

    static ToolkitTokenView of(ToolkitToken token, String value) {
        String status = token.revokedAt() != null ? "revoked" : token.usable(Instant.now()) ? "active" : "expired";
        return new ToolkitTokenView(token.id(), token.toolkitId(), token.name(), status, token.expiresAt(), token.revokedAt(),
                token.createdBy(), token.createdAt(), token.lastUsedAt(), value);
    }
}
