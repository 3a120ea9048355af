package dev.latchkey.gateway.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;

import java.util.concurrent.Flow;

/**
 * Writes a streamed body into a provider's request as its chunks arrive, one asked for at a time while the request
 * can take more, the next once it has drained: the body is never held. Its end ends the request; its failure resets
 * it, so the provider never sees a cut-off body end as if it were whole.
 */
final class BodyPump implements Flow.Subscriber<Buffer> {

    private final HttpClientRequest request;
    private Flow.Subscription subscription;

    BodyPump(HttpClientRequest request) {
        this.request = request;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        request.drainHandler(drained -> subscription.request(1));
        subscription.request(1);
    }

    @Override
    public void onNext(Buffer chunk) {
        request.write(chunk);
        if (!request.writeQueueFull()) {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        request.reset(0, failure);
    }

    @Override
    public void onComplete() {
        request.end();
    }
}
