package dev.latchkey.authconfig.rest;

import java.time.Instant;

/** A secret field as a response shows it: set, when, and at most a hint of its last four characters. */
public record SecretFieldView(boolean set, Instant updatedAt, String hint) {
}
