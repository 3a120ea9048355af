package dev.latchkey.connectedapps.domain;

import dev.latchkey.events.ToolkitEvents.Member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A named set of a tenant's connections' catalog actions, which agents call as tools through the gateway.
 *
 * @param readOnly only the members' read-only actions are its tools
 * @param version  counts its changes: its ETag
 */
public record Toolkit(UUID id, String tenant, String name, String description, boolean readOnly, List<Member> members,
                      long version, String createdBy, Instant createdAt, Instant updatedAt) {

    public Toolkit {
        members = List.copyOf(members);
    }

    /** This toolkit with these fields changed now, still at its version until it is stored. */
    public Toolkit changed(String name, String description, boolean readOnly, List<Member> members) {
        return new Toolkit(id, tenant, name, description, readOnly, members, version, createdBy, createdAt, Instant.now());
    }

    /** This toolkit as stored at {@code version}. */
    public Toolkit atVersion(long version) {
        return new Toolkit(id, tenant, name, description, readOnly, members, version, createdBy, createdAt, updatedAt);
    }
}
