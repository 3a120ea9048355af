package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.NewToolkit;
import dev.latchkey.connectedapps.service.ToolkitMember;
import dev.latchkey.platform.text.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A toolkit's changes: what is absent stays as it is. */
public record ToolkitChanges(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @PlainText String name,
        @Size(max = 1000) @PlainText String description,
        Boolean readOnly,
        @Size(max = 50) List<@Valid @NotNull ToolkitMember> members) {

    NewToolkit asRequest() {
        return new NewToolkit(name, description, readOnly, members);
    }
}
