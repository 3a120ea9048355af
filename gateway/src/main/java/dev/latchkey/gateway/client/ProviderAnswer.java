package dev.latchkey.gateway.client;

import io.smallrye.mutiny.Multi;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A provider's answer as it arrives: status and headers, and its body as a stream that fails when it passes the cap
 * or the call's deadline. The body is read, or the answer abandoned: otherwise the exchange is held until the deadline.
 *
 * @param declaredLength the Content-Length the provider sent, -1 without one
 * @param abandon        ends the exchange without reading the body
 */
public record ProviderAnswer(int status, MultiMap headers, long declaredLength, Multi<Buffer> body, Runnable abandon) {
}
