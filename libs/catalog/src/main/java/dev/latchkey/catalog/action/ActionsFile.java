package dev.latchkey.catalog.action;

import java.util.List;

/** {@code catalog/actions/<entry key>.yaml}: the actions of one catalog entry. */
public record ActionsFile(String entry, List<Action> actions) {

    public ActionsFile {
        actions = List.copyOf(actions);
    }
}
