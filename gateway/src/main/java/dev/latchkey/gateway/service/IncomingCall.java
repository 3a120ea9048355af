package dev.latchkey.gateway.service;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A caller's request to pass on: its method, the path under the API's base URL and its query (both as sent, still
 * encoded), its headers and its body.
 */
public record IncomingCall(String method, String rawPath, String rawQuery, MultiMap headers, Buffer body) {
}
