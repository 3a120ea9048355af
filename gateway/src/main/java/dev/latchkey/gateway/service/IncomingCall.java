package dev.latchkey.gateway.service;

import dev.latchkey.gateway.client.CallBody;
import io.vertx.core.MultiMap;

/**
 * A caller's request to pass on: its method, the path under the API's base URL and its query (both as sent, still
 * encoded), its headers and its body (kept whole or streamed).
 *
 * @param pathFromCatalog the path is an action's, built by the catalog from checked values: a segment may hold an
 *                        encoded slash (GitLab's {@code group%2Fproject}), which a caller's own path may not
 */
public record IncomingCall(String method, String rawPath, String rawQuery, MultiMap headers, CallBody body,
                           boolean pathFromCatalog) {

    /** A caller's own request, passed on through the proxy. */
    public IncomingCall(String method, String rawPath, String rawQuery, MultiMap headers, CallBody body) {
        this(method, rawPath, rawQuery, headers, body, false);
    }
}
