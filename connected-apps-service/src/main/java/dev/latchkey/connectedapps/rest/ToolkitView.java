package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.domain.Toolkit;
import dev.latchkey.events.ToolkitEvents.Member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A toolkit as its API shows it; {@code version} is also its ETag. */
public record ToolkitView(UUID id, String name, String description, boolean readOnly, List<Member> members, long version,
                          String createdBy, Instant createdAt, Instant updatedAt) {

    static ToolkitView of(Toolkit toolkit) {
        return new ToolkitView(toolkit.id(), toolkit.name(), toolkit.description(), toolkit.readOnly(), toolkit.members(),
                toolkit.version(), toolkit.createdBy(), toolkit.createdAt(), toolkit.updatedAt());
    }
}
