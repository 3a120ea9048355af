package dev.latchkey.authconfig.domain;

import java.time.Instant;

/**
 * What may be said about a secret field: that it is set, when, and for long values its last four characters,
 * so that a user can tell two keys apart without anyone seeing one.
 */
public record SecretField(Instant updatedAt, String hint) {

    private static final int HINT_FROM_LENGTH = 16;

    public static SecretField of(String value, Instant updatedAt) {
        String hint = value.length() >= HINT_FROM_LENGTH ? "…" + value.substring(value.length() - 4) : null;
        return new SecretField(updatedAt, hint);
    }
}
