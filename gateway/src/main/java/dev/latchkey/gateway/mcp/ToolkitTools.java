package dev.latchkey.gateway.mcp;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.action.Action;
import dev.latchkey.events.ToolkitEvents.Member;
import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.gateway.repository.CallableConnections;
import dev.latchkey.gateway.repository.CallableConnections.Callable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A toolkit's tools: each member connection's catalog actions (the chosen ones, or all), only the read-only ones for a
 * read-only toolkit, in the members' order (a custom auth config's connection has no catalog entry, so no actions). A tool is named {@code <entry>_<action>}; when two connections of one entry
 * are members, {@code <entry>_<first 8 hex digits of the connection's id>_<action>}. A member whose connection is gone,
 * or whose auth config is, has no tools.
 */
@ApplicationScoped
public class ToolkitTools {

    /** One tool: an action of a connection. */
    public record ToolkitTool(String name, UUID connectionId, String environment, Action action) {
    }

    private final CallableConnections connections;
    private final Catalog catalog;

    public ToolkitTools(CallableConnections connections, Catalog catalog) {
        this.connections = connections;
        this.catalog = catalog;
    }

    public Uni<List<ToolkitTool>> of(ToolkitGrant grant) {
        if (grant.members().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Callable>> reads = grant.members().stream().map(member -> connections.get(grant.tenant(), member.connectionId())
                .onFailure(NotFoundException.class).recoverWithNull()).toList();
        return Uni.join().all(reads).andFailFast().map(callables -> tools(grant, callables));
    }

    private List<ToolkitTool> tools(ToolkitGrant grant, List<Callable> callables) {
        Map<String, Long> connectionsOfEntry = callables.stream().filter(ToolkitTools::hasEntry)
                .collect(Collectors.groupingBy(callable -> callable.authConfig().provider, Collectors.counting()));
        List<ToolkitTool> tools = new ArrayList<>();
        for (int i = 0; i < callables.size(); i++) {
            Callable callable = callables.get(i);
            if (!hasEntry(callable)) {
                continue;
            }
            String entry = callable.authConfig().provider;
            String prefix = connectionsOfEntry.get(entry) > 1 ? entry + "_" + callable.id().toString().substring(0, 8) : entry;
            Member member = grant.members().get(i);
            catalog.actions(entry).stream()
                    .filter(action -> member.actions() == null || member.actions().contains(action.name()))
                    .filter(action -> !grant.readOnly() || action.hints().readOnly())
                    .map(action -> new ToolkitTool(prefix + "_" + action.name(), callable.id(), callable.environment(), action))
                    .forEach(tools::add);
        }
        return tools;
    }

    /** The tool of that name, if the toolkit has it. */
    public static Optional<ToolkitTool> named(List<ToolkitTool> tools, String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    private static boolean hasEntry(Callable callable) {
        return callable != null && callable.authConfig() != null && callable.authConfig().provider != null;
    }
}
