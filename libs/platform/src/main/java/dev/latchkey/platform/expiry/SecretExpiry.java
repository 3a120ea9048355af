package dev.latchkey.platform.expiry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a request's {@code secretExpiresAt} says of when a secret (a client secret, an API key) stops working, as its
 * owner knows it: nothing (the field is absent), no end (null), or a time in the future (ISO 8601, e.g.
 * {@code 2027-06-30T00:00:00Z}).
 *
 * @param given whether the request named the field at all
 * @param at    the end; null for none
 */
public record SecretExpiry(boolean given, Instant at) {

    public static final String FIELD = "secretExpiresAt";

    /** Reads the field's value; a value that is no time, or a past one, is a 400 problem naming the field. */
    public static SecretExpiry read(JsonNode value, Instant now) {
        if (value == null || value.isMissingNode()) {
            return new SecretExpiry(false, null);
        }
        if (value.isNull()) {
            return new SecretExpiry(true, null);
        }
        try {
            Instant at = Instant.parse(value.asText()).truncatedTo(ChronoUnit.MICROS);
            if (value.isTextual() && at.isAfter(now)) {
                return new SecretExpiry(true, at);
            }
        } catch (DateTimeParseException notATime) {
            // named below
        }
        throw new InvalidInputException("The request has invalid fields.", List.of(new FieldError(FIELD,
                "must be a time in the future in ISO 8601 (e.g. 2027-06-30T00:00:00Z), or null for none")));
    }
}
