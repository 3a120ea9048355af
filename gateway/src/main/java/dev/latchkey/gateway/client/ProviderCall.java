package dev.latchkey.gateway.client;

import io.vertx.core.MultiMap;

import java.net.URI;

/**
 * One request to a connection's API, credentials applied: where it goes and what it carries. Never printed: its
 * headers and URL hold the credentials.
 *
 * @param body the caller's body, kept whole or streamed
 */
public record ProviderCall(String method, URI uri, MultiMap headers, CallBody body) {

    /** The request-target as sent (RFC 9112 §3.2.1): the path, {@code /} for none, and the query. */
    public String target() {
        return (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public String toString() {
        return "ProviderCall[" + method + " " + uri.getHost() + "]";
    }
}
