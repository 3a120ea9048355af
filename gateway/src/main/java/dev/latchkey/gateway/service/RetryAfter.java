package dev.latchkey.gateway.service;

import dev.latchkey.gateway.client.ProviderAnswer;
import dev.latchkey.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * When a provider's "not now" is waited out: a 429 (RFC 6585) or 503 to an idempotent method (RFC 9110 §9.2.2: made
 * twice, it does what it does once) whose {@code Retry-After} (RFC 9110 §10.2.3: seconds or an HTTP date) is within
 * the cap. Anything else is the caller's to see, header included.
 */
@ApplicationScoped
public class RetryAfter {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private final Duration cap;

    public RetryAfter(GatewayConfig config) {
        this.cap = config.retryAfterCap();
    }

    /** How long to wait before making {@code method} again after {@code answer}; empty when it is not to be made again. */
    Optional<Duration> waitBefore(String method, ProviderAnswer answer) {
        if ((answer.status() != 429 && answer.status() != 503) || !IDEMPOTENT.contains(method)) {
            return Optional.empty();
        }
        return delay(answer.headers().get("Retry-After"), Instant.now()).filter(wait -> wait.compareTo(cap) <= 0);
    }

    static Optional<Duration> delay(String retryAfter, Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
