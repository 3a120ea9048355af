package dev.latchkey.platform.outbound;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Requests to URLs a tenant set (token endpoints, API test requests): through the SSRF guard, to the address it
 * checked, never following a redirect, within a deadline and a body cap. The deadline covers the whole exchange,
 * the guard's DNS lookup and the body included: the JDK's request timeout alone stops counting once the headers
 * arrive, so a provider dripping its body a byte at a time would hold the caller for as long as it likes. On the
 * deadline the exchange is cancelled, which closes its connection. The body is read up to the cap
 * ({@link CappedBody}), never buffered beyond it.
 */
@ApplicationScoped
public class GuardedHttp {

    private final OutboundUrlGuard guard;
    private final HttpClient client;

    public GuardedHttp(OutboundUrlGuard guard, OutboundConfig config) {
        this.guard = guard;
        HttpClient.Builder client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        config.trustedCertificates().ifPresent(pem -> client.sslContext(TrustedAuthorities.sslContext(pem)));
        this.client = client.build();
    }

    /**
     * {@code body} null sends none; the guard's DNS lookup runs on a worker thread. The answer (or failure) comes
     * back on the caller's Vert.x context, where its database session lives.
     *
     * @param deadline     how long the whole exchange may take; then it fails with {@link HttpTimeoutException}
     * @param maxBodyBytes the largest body read; a larger one fails with {@link ResponseTooLargeException}
     */
    public Uni<HttpResponse<String>> send(String method, URI uri, Map<String, String> headers, String body, Duration deadline,
            long maxBodyBytes) {
        Context caller = Vertx.currentContext();
        Uni<HttpResponse<String>> response = Uni.createFrom().item(() -> guard.check(uri))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(target -> exchange(request(target, method, headers, body, deadline), maxBodyBytes))
                .ifNoItem().after(deadline).on(timers(caller))
                .failWith(() -> new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms"));
        return caller == null ? response : response.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    /**
     * Where the deadline is timed: on the caller's Vert.x, whose event loops forget a cancelled timer at once; Mutiny's
     * default scheduler (Quarkus' worker pool) keeps one, and what it captured, until it would have fired. A caller
     * outside Vert.x (a test) gets that default.
     */
    private static ScheduledExecutorService timers(Context caller) {
        return caller == null ? Infrastructure.getDefaultWorkerPool() : caller.owner().nettyEventLoopGroup();
    }

    /** The exchange, cancelled with its connection when the deadline passes or the caller stops waiting. */
    private Uni<HttpResponse<String>> exchange(HttpRequest request, long maxBodyBytes) {
        return Uni.createFrom().emitter(emitter -> {
            CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, CappedBody.ofString(maxBodyBytes));
            emitter.onTermination(() -> exchange.cancel(true));
            exchange.whenComplete((response, failure) -> {
                if (failure == null) {
                    emitter.complete(response);
                } else {
                    emitter.fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                }
            });
        });
    }

    private static HttpRequest request(OutboundTarget target, String method, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.connectUri()).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request.build();
    }
}
