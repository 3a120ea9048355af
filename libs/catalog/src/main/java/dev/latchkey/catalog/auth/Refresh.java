package dev.latchkey.catalog.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * What the provider documents about refreshing.
 *
 * @param url                 where refreshes go when not to the token URL (Figma); a template like the token URL
 * @param rotatesRefreshToken whether a refresh answers with a new refresh token that replaces the old one
 * @param fallbackExpiresIn   the access token's lifetime when the token response omits {@code expires_in}
 * @param refreshTokenLifetime how long a refresh token lasts, where documented
 * @param margin               how long before expiry to refresh, when the service's default does not suit the provider
 */
public record Refresh(boolean supported, Optional<String> url, boolean rotatesRefreshToken, Optional<Duration> fallbackExpiresIn,
                      Optional<Duration> refreshTokenLifetime, Optional<Duration> margin) {
}
