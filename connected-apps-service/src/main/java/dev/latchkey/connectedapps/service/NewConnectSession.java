package dev.latchkey.connectedapps.service;

import dev.latchkey.platform.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A request for a hosted connect link: the auth config, environment and end user, and where to send the user back. */
public record NewConnectSession(
        @NotNull UUID authConfigId,
        @NotNull @Pattern(regexp = "^(development|staging|production)$", message = "must be development, staging or production") String environment,
        @NotBlank @Size(max = 200) @PlainText String endUserId,
        @NotBlank @Size(max = 2048) @PlainText String returnUrl) {
}
