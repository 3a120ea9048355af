package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Settings to test before they are saved: the kind and the form's fields of a {@link NewAuthConfig}, without its name
 * and description. Checked as a create checks them; nothing is stored.
 */
public record DraftAuthConfig(
        @NotNull AuthConfigCategory category,
        @Size(max = 64) String provider,
        @Size(max = 64) String type,
        ObjectNode config,
        ObjectNode secrets) {
}
