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
import java.time.Duration;
import java.util.Map;

/**
 * Requests to URLs a tenant set (token endpoints, API test requests): through the SSRF guard, to the address it
 * checked, never following a redirect, bounded by a timeout.
 */
@ApplicationScoped
public class GuardedHttp {

    private final OutboundUrlGuard guard;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public GuardedHttp(OutboundUrlGuard guard) {
        this.guard = guard;
    }

    /**
     * {@code body} null sends none; the guard's DNS lookup runs on a worker thread. The answer (or failure) comes
     * back on the caller's Vert.x context, where its database session lives.
     */
    public Uni<HttpResponse<String>> send(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        Context caller = Vertx.currentContext();
        Uni<HttpResponse<String>> response = Uni.createFrom().item(() -> guard.check(uri))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(target -> Uni.createFrom().completionStage(() -> client.sendAsync(request(target, method, headers, body, timeout),
                        HttpResponse.BodyHandlers.ofString())));
        return caller == null ? response : response.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private static HttpRequest request(OutboundTarget target, String method, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.connectUri()).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request.build();
    }
}
