package dev.latchkey.gateway.service;

import dev.latchkey.events.AccessEvents.CallProxied;
import dev.latchkey.gateway.client.AnswerTooLargeException;
import dev.latchkey.gateway.client.ProviderAnswer;
import dev.latchkey.gateway.client.ProviderCall;
import dev.latchkey.gateway.client.ProviderHttp;
import dev.latchkey.gateway.client.RequestTooLargeException;
import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.gateway.events.CallEventWriter;
import dev.latchkey.gateway.service.ConnectionApis.ConnectionApi;
import dev.latchkey.platform.outbound.RefusedOutboundUrlException;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The exchanges of a call with the provider. Each one that reached the point of being made is an
 * {@code access.proxied} event: answered or not, the caller learns of an answer only once its event is committed.
 * Without its event there is no call to hand back: the provider's answer is dropped and the caller gets a 503 to try
 * again. A 429 or 503 asking to come back within the cap ({@link RetryAfter}) is waited out and the call made again.
 */
@ApplicationScoped
public class Exchanges {

    private static final Logger LOG = Logger.getLogger(Exchanges.class);

    private final ProviderHttp http;
    private final CallEventWriter events;
    private final CallMetrics metrics;
    private final RetryAfter retryAfter;
    private final int retries;

    public Exchanges(ProviderHttp http, CallEventWriter events, CallMetrics metrics, RetryAfter retryAfter,
            GatewayConfig config) {
        this.http = http;
        this.events = events;
        this.metrics = metrics;
        this.retryAfter = retryAfter;
        this.retries = config.providerRetries();
    }

    /** The call made, and made again while the provider asks to wait a little (a Digest call answers anew each time). */
    Uni<ProviderAnswer> make(Caller caller, ConnectionApi api, ProviderCall call) {
        return make(caller, api, call, retries);
    }

    private Uni<ProviderAnswer> make(Caller caller, ConnectionApi api, ProviderCall call, int retriesLeft) {
        return once(caller, api, call).chain(answer -> {
            Optional<Duration> wait = retriesLeft == 0 || !call.body().replayable() ? Optional.empty()
                    : retryAfter.waitBefore(call.method(), answer);
            if (wait.isEmpty()) {
                return Uni.createFrom().item(answer);
            }
            metrics.waitedRetryAfter(api.provider(), answer.status());
            return again(answer, () -> Uni.createFrom().voidItem().onItem().delayIt().by(wait.get()).chain(() -> {
                if (api.digest() != null) {
                    api.digest().sign(call);
                }
                return make(caller, api, call, retriesLeft - 1);
            }));
        });
    }

    /** The call once more, after the refused answer is read to its end: so that its connection goes back to the pool whole. */
    static Uni<ProviderAnswer> again(ProviderAnswer refused, Supplier<Uni<ProviderAnswer>> next) {
        return refused.body().collect().with(Collectors.counting()).onFailure().recoverWithNull().chain(ignored -> next.get());
    }

    /** One exchange, recorded and measured. */
    private Uni<ProviderAnswer> once(Caller caller, ConnectionApi api, ProviderCall call) {
        long started = System.nanoTime();
        return http.send(call)
                .onFailure().recoverWithUni(failure -> record(caller, api, call, started, null, outcome(failure), null)
                        .chain(() -> Uni.createFrom().failure(refusal(failure))))
                .call(answer -> record(caller, api, call, started, answer.status(), "answered",
                        answer.declaredLength() < 0 ? null : answer.declaredLength())
                        .onFailure().invoke(answer.abandon()));
    }

    private Uni<Void> record(Caller caller, ConnectionApi api, ProviderCall call, long startedNanos, Integer status,
            String outcome, Long responseBytes) {
        URI uri = call.uri();
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        metrics.exchanged(api.provider(), status, outcome, took);
        long durationMs = took.toMillis();
        return events.proxied(caller, new CallProxied(api.connectionId(), api.environment(), call.method(), host, path, status,
                        outcome, durationMs, call.body().length(), responseBytes))
                .onFailure().transform(failure -> {
                    LOG.warnf("could not record a call through connection %s: %s", api.connectionId(), failure.toString());
                    return new UnavailableException("The call could not be recorded in the audit log just now, so its"
                            + " answer was not passed on; try again shortly.");
                });
    }

    private static String outcome(Throwable failure) {
        if (failure instanceof RefusedOutboundUrlException) {
            return "refused";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed_out";
        }
        return failure instanceof AnswerTooLargeException || failure instanceof RequestTooLargeException ? "too_large"
                : "unreachable";
    }

    /** What the caller is told of a call that got no answer; never a credential (the URL may hold one). */
    private static RuntimeException refusal(Throwable failure) {
        if (failure instanceof RefusedOutboundUrlException refused) {
            return new CallRefusedException(502, "destination-refused", "Destination refused", "The gateway does not call"
                    + " the connection's API at that address: " + refused.errors().get(0).message() + ".");
        }
        if (failure instanceof HttpTimeoutException) {
            return new CallRefusedException(504, "upstream-timeout", "Gateway timeout", "The API did not answer in time.");
        }
        if (failure instanceof RequestTooLargeException tooLarge) {
            return new CallRefusedException(413, "too-large", "Content too large", "The request body is too large to pass"
                    + " on: " + tooLarge.getMessage() + ".");
        }
        if (failure instanceof AnswerTooLargeException tooLarge) {
            return new CallRefusedException(502, "upstream", "Bad gateway", "The API's answer is too large to pass on: "
                    + tooLarge.getMessage() + ".");
        }
        LOG.infof("a call through the gateway failed: %s", failure.getClass().getName());
        return new CallRefusedException(502, "upstream", "Bad gateway", "The API could not be reached.");
    }
}
