package dev.latchkey.gateway.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Holds a proxied request's body where it arrives, before anything else handles the request: the body waits in the
 * connection until {@link CallBodies} reads it, whole or as a stream, once the caller has been let in (not held, its
 * first chunks would be gone while the bearer token is checked). A body nobody read, the call refused, is let go
 * once the answer is out, so the connection can carry the caller's next request.
 */
@ApplicationScoped
public class HeldBodies {

    private static final String HELD = "latchkey.gateway.body-held";

    void hold(@Observes Router router) {
        router.route("/api/v1/proxy/*").order(Integer.MIN_VALUE).handler(routing -> {
            HttpServerRequest request = routing.request();
            if (hasBody(request)) {
                request.pause();
                routing.put(HELD, Boolean.TRUE);
                routing.addEndHandler(ended -> request.resume());
            }
            routing.next();
        });
    }

    /** Whether the request came with a body, which waits to be read. */
    static boolean held(RoutingContext routing) {
        return Boolean.TRUE.equals(routing.get(HELD));
    }

    /**
     * A body is declared by its length, by chunked framing (HTTP/1.1), or in HTTP/2 by a request that has not ended
     * with its headers.
     */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.version() == HttpVersion.HTTP_2 ? !request.isEnded() : request.getHeader("Transfer-Encoding") != null;
    }
}
