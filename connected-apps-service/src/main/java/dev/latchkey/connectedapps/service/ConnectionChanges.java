package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.platform.text.PlainText;
import jakarta.validation.constraints.Size;

/**
 * A PATCH of a connection: a new name, new metadata (replacing the old), new credentials of a key-based connection
 * (the fields given replace the ones it holds: a rotated key, a changed password), a new end for its secret
 * ({@code secretExpiresAt}; null: none known; new credentials without one have no known end), or any of them.
 */
public record ConnectionChanges(@Size(min = 1, max = 200) @PlainText String name, @PlainText ObjectNode metadata,
                                ObjectNode credentials, JsonNode secretExpiresAt) {
}
