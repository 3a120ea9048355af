package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.platform.text.PlainText;
import jakarta.validation.constraints.Size;

/** A PATCH of a connection: a new name, new metadata (replacing the old), or both. */
public record ConnectionChanges(@Size(min = 1, max = 200) @PlainText String name, @PlainText ObjectNode metadata) {
}
