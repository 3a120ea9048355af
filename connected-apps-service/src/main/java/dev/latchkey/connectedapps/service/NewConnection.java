package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.platform.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A request to make a connection from an auth config.
 *
 * @param endUserId   the account's owner in the caller's product: one auth config, many accounts
 * @param credentials the connection's own fields (an API key, parameters it overrides), checked against the form
 * @param redirectUri where the user lands after an OAuth2 authorization (with {@code connection_id}, or {@code error}),
 *                    an origin of the tenant's allowed ones; without it the callback shows a page. Other schemes have no
 *                    flow to come back from and ignore it
 * @param secretExpiresAt when the connection's own secret stops working (ISO 8601, in the future), for key-based
 *                    schemes; absent or null: no known end
 */
public record NewConnection(
        @NotNull UUID authConfigId,
        @NotNull @Pattern(regexp = "^(development|staging|production)$", message = "must be development, staging or production") String environment,
        @NotBlank @Size(max = 200) @PlainText String name,
        @Size(max = 200) @PlainText String endUserId,
        @PlainText ObjectNode metadata,
        ObjectNode credentials,
        @Size(max = 2048) String redirectUri,
        JsonNode secretExpiresAt) {
}
