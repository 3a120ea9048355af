package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.platform.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to create an auth config.
 *
 * @param provider a catalog key, for {@code oauth2_provider} and {@code native_connector}
 * @param type     for {@code custom}: {@code no_auth}, {@code oauth2}, {@code api_key}, {@code bearer_token},
 *                 {@code basic}; for a catalog app, which of its auth options (default: OAuth2 if offered)
 * @param config   the plain fields of the form
 * @param secrets  the secret fields of the form; never shown again
 * @param secretExpiresAt when the secrets given stop working (ISO 8601, in the future); absent or null: no known end
 */
public record NewAuthConfig(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull AuthConfigCategory category,
        @Size(max = 64) String provider,
        @Size(max = 64) String type,
        @Pattern(regexp = "^(development|staging|production)$", message = "must be development, staging or production") String environment,
        @Size(max = 2000) @PlainText(multiLine = true) String description,
        ObjectNode config,
        ObjectNode secrets,
        JsonNode secretExpiresAt) {
}
