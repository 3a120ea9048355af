package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.action.Action;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.Toolkit;
import dev.latchkey.connectedapps.events.ToolkitEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.connectedapps.repository.ToolkitRepository;
import dev.latchkey.events.ToolkitEvents.Member;
import dev.latchkey.platform.paging.Keyset;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.PreconditionFailedException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Makes, reads, changes and deletes toolkits. A member is a connection of the tenant whose catalog entry has actions,
 * with all of them or those it names; a read-only toolkit names no action that is not read-only. Every change is an
 * event on {@code latchkey.toolkits.v1}, committed with it.
 */
@ApplicationScoped
public class Toolkits {

    private final ToolkitRepository toolkits;
    private final ConnectionRepository connections;
    private final ToolkitEventWriter events;
    private final Catalog catalog;

    public Toolkits(ToolkitRepository toolkits, ConnectionRepository connections, ToolkitEventWriter events, Catalog catalog) {
        this.toolkits = toolkits;
        this.connections = connections;
        this.events = events;
        this.catalog = catalog;
    }

    public Uni<Toolkit> create(Caller caller, NewToolkit request) {
        boolean readOnly = Boolean.TRUE.equals(request.readOnly());
        List<ToolkitMember> members = request.members() == null ? List.of() : request.members();
        return Panache.withTransaction(() -> checked(caller.tenant(), members, readOnly).chain(checked -> {
            Instant now = Instant.now();
            Toolkit toolkit = new Toolkit(UUID.randomUUID(), caller.tenant(), request.name(), request.description(), readOnly,
                    checked, 1, caller.actor(), now, now);
            return unique(toolkit).chain(() -> toolkits.insert(toolkit)).chain(() -> events.created(caller, toolkit))
                    .replaceWith(toolkit);
        }));
    }

    /** The tenant's toolkit, or a 404: another tenant's is as unknown as one that never was. */
    public Uni<Toolkit> get(Caller caller, UUID id) {
        return Panache.withSession(() -> toolkits.find(caller.tenant(), id)).onItem().ifNull().failWith(NotFoundException::new);
    }

    public Uni<List<Toolkit>> list(Caller caller, Keyset after, int limit) {
        return Panache.withSession(() -> toolkits.list(caller.tenant(), after, limit));
    }

    /**
     * Changes what the request names; the rest stays.
     *
     * @param expectedVersion the version the caller read (If-Match); a toolkit changed since is a 412
     */
    public Uni<Toolkit> update(Caller caller, UUID id, OptionalLong expectedVersion, NewToolkit changes) {
        return Panache.withTransaction(() -> toolkits.findForUpdate(caller.tenant(), id).onItem().ifNull().failWith(NotFoundException::new)
                .chain(current -> {
                    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                        throw new PreconditionFailedException("The toolkit changed since version " + expectedVersion.getAsLong()
                                + "; it is at version " + current.version() + ". Read it again and retry.");
                    }
                    boolean readOnly = changes.readOnly() == null ? current.readOnly() : changes.readOnly();
                    Uni<List<Member>> members = changes.members() == null && readOnly == current.readOnly()
                            ? Uni.createFrom().item(current.members())
                            : changes.members() == null ? recheck(caller.tenant(), current.members(), readOnly)
                            : checked(caller.tenant(), changes.members(), readOnly);
                    return members.chain(checked -> {
                        Toolkit changed = current.changed(changes.name() == null ? current.name() : changes.name(),
                                changes.description() == null ? current.description() : changes.description(), readOnly, checked);
                        List<String> what = changedFields(current, changed);
                        if (what.isEmpty()) {
                            return Uni.createFrom().item(current);
                        }
                        return unique(changed).chain(() -> toolkits.update(changed))
                                .call(stored -> events.updated(caller, stored, what));
                    });
                }));
    }

    /** Deletes the toolkit and its tokens: they call nothing from then on. */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> toolkits.findForUpdate(caller.tenant(), id).onItem().ifNull().failWith(NotFoundException::new)
                .chain(toolkit -> toolkits.delete(caller.tenant(), id)).chain(() -> events.deleted(caller, id)));
    }

    /**
     * Takes a connection being deleted out of every toolkit it is in, in the deletion's transaction: each such toolkit
     * changes, with its event, and offers nothing of the connection any more.
     */
    public Uni<Void> withoutConnection(Caller caller, UUID connectionId) {
        return toolkits.withMemberForUpdate(caller.tenant(), connectionId).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(toolkit -> {
                    List<Member> left = toolkit.members().stream().filter(member -> !member.connectionId().equals(connectionId)).toList();
                    return toolkits.update(toolkit.changed(toolkit.name(), toolkit.description(), toolkit.readOnly(), left))
                            .chain(stored -> events.updated(caller, stored, List.of("members")));
                })
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> unique(Toolkit toolkit) {
        return toolkits.nameTaken(toolkit.tenant(), toolkit.name(), toolkit.id()).invoke(taken -> {
            if (taken) {
                throw new ConflictException("The tenant has a toolkit named '" + toolkit.name() + "' already.");
            }
        }).replaceWithVoid();
    }

    /** The members as stored, when each names a connection of the tenant with actions it has (read-only ones if so). */
    private Uni<List<Member>> checked(String tenant, List<ToolkitMember> members, boolean readOnly) {
        return recheck(tenant, members.stream().map(member -> new Member(member.connectionId(), member.actions())).toList(), readOnly);
    }

    private Uni<List<Member>> recheck(String tenant, List<Member> members, boolean readOnly) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (!seen.add(members.get(i).connectionId())) {
                errors.add(new FieldError("members[" + i + "].connectionId", "names a connection already in the toolkit"));
            }
        }
        return Multi.createFrom().range(0, members.size())
                .onItem().transformToUniAndConcatenate(i -> connections.findInTenant(tenant, members.get(i).connectionId())
                        .invoke(connection -> check("members[" + i + "]", connection, members.get(i), readOnly, errors)))
                .collect().asList()
                .map(ignored -> {
                    if (!errors.isEmpty()) {
                        throw new InvalidInputException("The toolkit's members do not fit.", errors);
                    }
                    return List.copyOf(members);
                });
    }

    private void check(String where, Connection connection, Member member, boolean readOnly, List<FieldError> errors) {
        if (connection == null) {
            errors.add(new FieldError(where + ".connectionId", "is not a connection of your tenant"));
            return;
        }
        List<Action> actions = connection.provider == null ? List.of() : catalog.actions(connection.provider);
        if (actions.isEmpty()) {
            errors.add(new FieldError(where + ".connectionId", "is a connection whose app has no catalog actions"));
            return;
        }
        if (member.actions() == null) {
            return;
        }
        for (String name : member.actions()) {
            Action action = actions.stream().filter(each -> each.name().equals(name)).findFirst().orElse(null);
            if (action == null) {
                errors.add(new FieldError(where + ".actions", "'" + name + "' is not an action of " + connection.provider));
            } else if (readOnly && !action.hints().readOnly()) {
                errors.add(new FieldError(where + ".actions", "'" + name + "' changes data, and the toolkit is read-only"));
            }
        }
    }

    private static List<String> changedFields(Toolkit before, Toolkit after) {
        List<String> changed = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changed.add("name");
        }
        if (!Objects.equals(before.description(), after.description())) {
            changed.add("description");
        }
        if (before.readOnly() != after.readOnly()) {
            changed.add("readOnly");
        }
        if (!before.members().equals(after.members())) {
            changed.add("members");
        }
        return changed;
    }
}
