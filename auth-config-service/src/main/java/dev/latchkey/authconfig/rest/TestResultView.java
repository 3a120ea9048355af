package dev.latchkey.authconfig.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.probes.ProbeResult;

/**
 * What a test found, the same fields as the stored {@code lastTest} ({@code category} one of UNREACHABLE,
 * AUTH_FAILED, PERMISSION_DENIED, TLS, TIMEOUT, CONFIG when it failed, a message that helps, the latency), and
 * beside them the auth config's status afterwards.
 */
public record TestResultView(@JsonUnwrapped ProbeResult outcome, AuthConfigStatus status) {
}
