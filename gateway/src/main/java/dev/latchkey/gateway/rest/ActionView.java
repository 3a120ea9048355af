package dev.latchkey.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.action.Action;

/** An action as its caller sees it: what it does, what it does to the provider's data, what it takes and gives. */
public record ActionView(String name, String title, String description, Action.Hints hints, ObjectNode inputSchema,
                         ObjectNode outputSchema, String docsUrl) {

    static ActionView of(Action action) {
        return new ActionView(action.name(), action.title(), action.description(), action.hints(), action.inputSchema(),
                action.outputSchema(), action.docsUrl());
    }
}
