package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.probes.ProbeResult;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An auth config as the API shows it. Secret fields appear only as {@link SecretFieldView}s.
 *
 * @param statusReason    why the status is what it is; null when there is nothing to say
 * @param secretExpiresAt when the secret stops working, as its owner said; null: no known end
 * @param warning         what to act on soon (the secret expires); null when nothing
 * @param redirectUri     for OAuth2: the redirect URI to register with the provider
 */
public record AuthConfigView(UUID id, String name, AuthConfigCategory category, String provider, String type,
                             String environment, String description, Map<String, Object> config,
                             Map<String, SecretFieldView> secrets, AuthConfigStatus status, String statusReason,
                             Instant secretExpiresAt, String warning, ProbeResult lastTest,
                             Instant lastUsedAt, int connectionCount, String redirectUri, long version,
                             Instant createdAt, Instant updatedAt) {
}
