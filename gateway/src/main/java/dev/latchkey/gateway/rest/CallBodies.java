package dev.latchkey.gateway.rest;

import dev.latchkey.gateway.client.CallBody;
import dev.latchkey.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A caller's request body, taken the way the gateway passes it on: read whole when it is within
 * {@code latchkey.gateway.replayable-body-bytes}, so that the call can be made again; otherwise streamed through as it
 * arrives, never held, and cut off past {@code quarkus.http.limits.max-body-size} (a declared length past it is refused
 * before the gateway sees the request). A body of unknown length is read up to the replayable size to learn which.
 */
@ApplicationScoped
public class CallBodies {

    private final long replayable;
    private final long max;

    public CallBodies(GatewayConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.replayable = config.replayableBodyBytes().asLongValue();
        this.max = max.asLongValue();
    }

    Uni<CallBody> of(RoutingContext routing) {
        if (!HeldBodies.held(routing)) {
            return Uni.createFrom().item(CallBody.Whole.NONE);
        }
        HttpServerRequest request = routing.request();
        String length = request.getHeader("Content-Length");
        long declared = length == null ? -1 : Long.parseLong(length.strip());
        if (declared > replayable) {
            return Uni.createFrom().item(new CallBody.Streamed(rest(request), declared, max));
        }
        return declared >= 0 ? whole(request) : firstBytes(request);
    }

    private static Uni<CallBody> whole(HttpServerRequest request) {
        return Uni.createFrom().completionStage(() -> {
            var body = request.body();
            request.resume();
            return body.toCompletionStage();
        }).map(CallBody.Whole::new);
    }

    /**
     * A body of unknown length (chunked, or HTTP/2's without Content-Length): kept whole if it ends within the replayable
     * size, else streamed from what was read so far on.
     */
    private Uni<CallBody> firstBytes(HttpServerRequest request) {
        return Uni.createFrom().emitter(emitter -> {
            Buffer kept = Buffer.buffer();
            request.exceptionHandler(emitter::fail);
            request.endHandler(ended -> emitter.complete(kept.length() == 0 ? CallBody.Whole.NONE : new CallBody.Whole(kept)));
            request.handler(chunk -> {
                kept.appendBuffer(chunk);
                if (kept.length() > replayable) {
                    request.pause();
                    request.handler(null).endHandler(null).exceptionHandler(null);
                    emitter.complete(new CallBody.Streamed(Multi.createBy().concatenating()
                            .streams(Multi.createFrom().item(kept), rest(request)), -1, max));
                }
            });
            request.resume();
        });
    }

    /** The rest of the body, as it arrives. */
    private static Multi<Buffer> rest(HttpServerRequest request) {
        return io.vertx.mutiny.core.http.HttpServerRequest.newInstance(request).toMulti()
                .map(io.vertx.mutiny.core.buffer.Buffer::getDelegate);
    }
}
