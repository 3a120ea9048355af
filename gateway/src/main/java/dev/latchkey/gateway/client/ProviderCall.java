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

    @Override
    public String toString() {
        return "ProviderCall[" + method + " " + uri.getHost() + "]";
    }
}
