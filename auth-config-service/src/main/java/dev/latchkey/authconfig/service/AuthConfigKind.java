package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.form.CredentialForm;

import java.util.Optional;

/**
 * What kind of auth config a request describes: its category, the catalog entry and auth option it uses (none
 * for custom), the auth type, and the form its fields must fill.
 */
public record AuthConfigKind(AuthConfigCategory category, String provider, String authType,
                             Optional<AuthOption> option, CredentialForm form) {
}
