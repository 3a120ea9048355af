package dev.latchkey.authconfig.domain;

import java.time.Instant;

/** The last test of an auth config, as stored and shown. {@code category} is null on success. */
public record TestOutcome(boolean ok, String category, String message, long latencyMs, Instant testedAt) {
}
