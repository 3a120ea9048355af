package dev.latchkey.gateway.service;

import dev.latchkey.gateway.client.CallBody;
import io.vertx.core.MultiMap;

/**
 * A caller's request to pass on: its method, the path under the API's base URL and its query (both as sent, still
 * encoded), its headers and its body (kept whole or streamed).
 */
public record IncomingCall(String method, String rawPath, String rawQuery, MultiMap headers, CallBody body) {
}
