package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.domain.AuthConfigStatus;

import java.time.Instant;

/**
 * What a test found: {@code category} (UNREACHABLE, AUTH_FAILED, PERMISSION_DENIED, TLS, TIMEOUT, CONFIG) when
 * it failed, a message that helps, the latency, and the auth config's status afterwards.
 */
public record TestResultView(boolean ok, String category, String message, long latencyMs, Instant testedAt,
                             AuthConfigStatus status) {
}
