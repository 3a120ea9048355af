package dev.latchkey.gateway.client;

import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.platform.outbound.OutboundTarget;
import dev.latchkey.platform.outbound.OutboundUrlGuard;
import dev.latchkey.platform.outbound.TrustedAuthorities;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls connections' APIs: through the SSRF guard, connected to the very address it checked (the URL's host still
 * names the server for the Host header, SNI and the certificate check, so a second DNS answer cannot point elsewhere),
 * never following a redirect. One deadline covers the whole exchange, the guard's lookup and the last byte of the
 * answer included ({@link CallDeadline}). The answer's body streams through, counted against the cap, never held.
 * <p>
 * The deadline's timer runs on a Vert.x event loop, not on Mutiny's default scheduler: under Quarkus that is the worker
 * pool, which keeps a cancelled timer, and the request context it captured, until the time it would have fired. At a
 * 60 s deadline and thousands of calls a second that is more than the heap holds (bench/proxy, run 8); an event loop
 * drops a cancelled timer at once.
 */
@ApplicationScoped
public class ProviderHttp {

    private final OutboundUrlGuard guard;
    private final Vertx vertx;
    private final HttpClient client;
    private final GatewayConfig config;

    public ProviderHttp(OutboundUrlGuard guard, Vertx vertx, GatewayConfig config) {
        this.guard = guard;
        this.vertx = vertx;
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(64)
                .setDecompressionSupported(false);
        config.trustedCertificates().ifPresent(pem -> options.setTrustOptions(new PfxOptions()
                .setValue(Buffer.buffer(TrustedAuthorities.pkcs12(pem))).setPassword(TrustedAuthorities.PKCS12_PASSWORD)));
        this.client = vertx.createHttpClient(options);
    }

    /**
     * Sends the call; the answer comes once its status and headers have arrived, its body streams after.
     *
     * @throws dev.latchkey.platform.outbound.RefusedOutboundUrlException (as a failure) when the guard refuses the URL
     */
    public Uni<ProviderAnswer> send(ProviderCall call) {
        CallDeadline deadline = new CallDeadline(vertx, config.callTimeout());
        return Uni.createFrom().item(() -> guard.check(call.uri()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(target -> client.request(options(call, target)))
                .invoke(deadline::watch)
                .chain(request -> send(request, call.body()))
                .map(response -> answer(response, deadline))
                .ifNoItem().after(config.callTimeout()).on(vertx.getDelegate().nettyEventLoopGroup()).failWith(deadline::timeout)
                .onFailure().transform(failure -> {
                    Throwable explained = deadline.explain(failure);
                    return call.body() instanceof CallBody.Streamed streamed && streamed.tooLarge()
                            ? new RequestTooLargeException(streamed.maxBytes()) : explained;
                });
    }

    /**
     * A kept body goes in one piece; a streamed one is written as it arrives, as fast as the provider takes it, and a
     * stream that fails (past its cap, the caller gone) resets the request, so that no provider takes a cut-off body
     * for a whole one.
     */
    private static Uni<HttpClientResponse> send(HttpClientRequest request, CallBody body) {
        if (!(body instanceof CallBody.Streamed streamed)) {
            return request.send(io.vertx.mutiny.core.buffer.Buffer.newInstance(((CallBody.Whole) body).bytes()));
        }
        if (streamed.declaredLength() >= 0) {
            request.putHeader("Content-Length", String.valueOf(streamed.declaredLength()));
        } else {
            request.setChunked(true);
        }
        streamed.take().subscribe().withSubscriber(new BodyPump(request.getDelegate()));
        return request.response();
    }

    private ProviderAnswer answer(HttpClientResponse response, CallDeadline deadline) {
        long cap = config.maxResponseBytes().asLongValue();
        String length = response.getHeader("Content-Length");
        long declared = length == null ? -1 : Long.parseLong(length.strip());
        if (declared > cap) {
            abandon(response, deadline);
            throw new AnswerTooLargeException(cap);
        }
        AtomicLong received = new AtomicLong();
        Multi<Buffer> body = response.toMulti()
                .map(chunk -> {
                    if (received.addAndGet(chunk.length()) > cap) {
                        response.request().reset();
                        throw new AnswerTooLargeException(cap);
                    }
                    return chunk.getDelegate();
                })
                .onCompletion().invoke(deadline::end)
                .onCancellation().invoke(() -> abandon(response, deadline))
                .onFailure().transform(deadline::explain);
        return new ProviderAnswer(response.statusCode(), response.headers().getDelegate(), declared, body,
                () -> abandon(response, deadline));
    }

    /** Nobody will read the rest of the answer: the exchange ends now, its connection closed. */
    private static void abandon(HttpClientResponse response, CallDeadline deadline) {
        deadline.end();
        response.exceptionHandler(resetByUs -> {
        });
        response.request().reset();
    }

    private static RequestOptions options(ProviderCall call, OutboundTarget target) {
        URI uri = call.uri();
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() < 0 ? (tls ? 443 : 80) : uri.getPort();
        return new RequestOptions()
                .setMethod(HttpMethod.valueOf(call.method()))
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(call.target())
                .setHeaders(call.headers())
                .setFollowRedirects(false);
    }
}
