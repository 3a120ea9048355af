package dev.latchkey.platform.outbound;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * The operator's exceptions to the SSRF guard, e.g. an on-premises token endpoint:
 * {@code latchkey.outbound.allow-hosts=idp.corp.internal}, {@code latchkey.outbound.allow-cidrs=10.20.0.0/16};
 * and how much of an answer Latchkey reads ({@link GuardedHttp}).
 */
@ConfigMapping(prefix = "latchkey.outbound")
public interface OutboundConfig {

    /** Plain-http URLs; off except for local development and tests. */
    @WithDefault("false")
    boolean allowHttp();

    /** Host names (exact, case-insensitive) whose addresses may be private. */
    Optional<List<String>> allowHosts();

    /** Address ranges that may be reached although private, loopback or link-local. */
    Optional<List<String>> allowCidrs();

    /**
     * A PEM file of certificates trusted besides the JVM's authorities, for token endpoints and test requests: an
     * on-premises identity provider's private CA. Empty: the JVM's authorities only.
     */
    Optional<String> trustedCertificates();

    /** The largest token endpoint answer read (token, refresh, code exchange, client credentials, revocation). */
    @WithDefault("64K")
    MemorySize maxTokenResponse();

    /** The largest answer read from any other endpoint a tenant names (a catalog entry's test request). */
    @WithDefault("1M")
    MemorySize maxResponse();
}
