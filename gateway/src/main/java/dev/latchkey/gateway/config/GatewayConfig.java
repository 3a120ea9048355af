package dev.latchkey.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the gateway calls connections' APIs. */
@ConfigMapping(prefix = "latchkey.gateway")
public interface GatewayConfig {

    /**
     * The deadline of one call, from its start to the last byte of the provider's answer: one slow provider holds a
     * caller no longer than this.
     */
    @WithDefault("60s")
    Duration callTimeout();

    /** The longest wait for a connection to a provider's server. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** The largest answer passed back; a larger one is refused before it starts, or cut off where it passes the cap. */
    @WithDefault("256M")
    MemorySize maxResponseBytes();

    /**
     * A call asks token-refresher for a refresh first when the connection's token expires sooner than this (or is past
     * half its life when shorter), as a credentials read does.
     */
    @WithDefault("5m")
    Duration refreshMargin();

    /** How long a call waits for an on-demand refresh. */
    @WithDefault("20s")
    Duration refreshWait();

    /** How many connections' APIs a replica keeps in memory between changes; 0 keeps none. */
    @WithDefault("10000")
    int cacheEntries();

    /** The longest a kept API is used without reading it again, should a change's notification be lost. */
    @WithDefault("30s")
    Duration cacheMaxAge();

    /**
     * PEM certificates trusted besides the JVM's own authorities: a self-hosted system's private CA (a GitLab or
     * Jenkins on the company network). Empty: the JVM's authorities only.
     */
    Optional<String> trustedCertificates();

    /**
     * The longest {@code Retry-After} of a 429 or 503 that the gateway waits out before calling again (idempotent
     * methods only); a longer one is passed back to the caller with its header.
     */
    @WithDefault("10s")
    Duration retryAfterCap();

    /** How many times one call is made again after a 429 or 503 whose {@code Retry-After} is within the cap. */
    @WithDefault("2")
    int providerRetries();

    /**
     * How many calls through one connection may be in flight at once on a replica; one more is refused with a 429 at
     * once, so that one tenant's runaway loop holds neither the gateway's threads nor its provider connections.
     */
    @WithDefault("64")
    int maxConcurrentCalls();

    /**
     * The largest request body kept whole, so that the call can be made again after a 401, a Digest challenge or a short
     * {@code Retry-After}; a larger one, or one sent chunked, streams through once. The largest body passed on at all is
     * {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("1M")
    MemorySize replayableBodyBytes();

    /** The largest provider answer an action reads whole to map it to its output; a larger one fails the action (502). */
    @WithDefault("4M")
    MemorySize maxActionAnswerBytes();

    /** Where clients reach the gateway: the MCP server is {@code <public-base-url>/mcp}, as its resource metadata says. */
    @WithDefault("http://localhost:8085")
    String publicBaseUrl();

    /** How many tools one page of an MCP {@code tools/list} answer holds; the rest follow its {@code nextCursor}. */
    @WithDefault("100")
    int mcpToolsPageSize();

    /**
     * Browser origins whose pages may call the MCP server (an MCP Inspector's page, say); a request with any other
     * {@code Origin} is refused (DNS rebinding). Clients that are not browsers send none and are not affected.
     */
    Optional<List<String>> mcpAllowedOrigins();

    /**
     * The secret that next-page cursors are sealed with ({@code PageCursors}), the same in every replica: by default the
     * gateway's own OIDC client secret (application.properties), so that no other secret has to be kept. Changing it
     * turns away the cursors given before, and nothing else.
     */
    String pageCursorKey();
}
