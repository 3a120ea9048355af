package dev.latchkey.connectedapps.service;

import dev.latchkey.platform.text.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A request to make a toolkit, or (every field optional) to change one.
 *
 * @param readOnly only the members' read-only actions are the toolkit's tools
 * @param members  connections of the tenant, each with all its catalog actions or those it names
 */
public record NewToolkit(
        @NotBlank @Size(max = 100) @PlainText String name,
        @Size(max = 1000) @PlainText String description,
        Boolean readOnly,
        @Size(max = 50) List<@Valid @NotNull ToolkitMember> members) {
}
