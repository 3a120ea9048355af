package dev.latchkey.connectedapps.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A hosted connect link a caller's product hands to its user: which auth config to connect with, for which
 * environment and end user, and where the user goes afterwards. Known by its token's hash only.
 */
public record ConnectSession(String tenant, UUID authConfigId, String environment, String endUserId, String returnUrl,
                             String actor, Instant expiresAt) {
}
