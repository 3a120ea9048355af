package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.platform.text.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A PATCH of an auth config: absent fields stay as they are. {@code config} and {@code secrets} are merge
 * patches (RFC 7396): a field with a value replaces it, a field with {@code null} removes it; secrets not named
 * keep their values. {@code secretExpiresAt}: a new end for the secrets (null: none known); new secrets without one
 * have no known end.
 */
public record AuthConfigChanges(
        @Size(min = 1, max = 200) @PlainText String name,
        @Pattern(regexp = "^(development|staging|production)$", message = "must be development, staging or production") String environment,
        @Size(max = 2000) @PlainText(multiLine = true) String description,
        ObjectNode config,
        ObjectNode secrets,
        JsonNode secretExpiresAt) {
}
