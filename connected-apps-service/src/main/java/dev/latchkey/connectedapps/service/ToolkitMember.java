package dev.latchkey.connectedapps.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A connection in a toolkit.
 *
 * @param actions the connection's catalog actions it offers; absent for all of them
 */
public record ToolkitMember(@NotNull UUID connectionId, @Size(min = 1, max = 200) List<@NotBlank String> actions) {
}
