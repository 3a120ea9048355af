package dev.latchkey.platform.outbound;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a cap: a body declared or found to be larger stops being read (the subscription is
 * cancelled, which closes the connection) and fails with {@link ResponseTooLargeException}, so a provider cannot
 * make Latchkey buffer gigabytes. Below the cap it is the text {@link HttpResponse.BodyHandlers#ofString()} makes.
 */
public final class CappedBody implements BodySubscriber<String> {

    private final BodySubscriber<String> text;
    private final long maxBytes;
    private final long declaredBytes;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;

    private CappedBody(BodySubscriber<String> text, long maxBytes, long declaredBytes) {
        this.text = text;
        this.maxBytes = maxBytes;
        this.declaredBytes = declaredBytes;
        text.getBody().whenComplete((value, failure) -> {
            if (failure == null) {
                body.complete(value);
            } else {
                body.completeExceptionally(failure);
            }
        });
    }

    /** Text bodies of at most {@code maxBytes}, in the charset the response names (UTF-8 when it names none). */
    public static BodyHandler<String> ofString(long maxBytes) {
        return info -> new CappedBody(HttpResponse.BodyHandlers.ofString().apply(info), maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredBytes > maxBytes) {
            refuse();
        } else {
            text.onSubscribe(subscription);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
        }
        if (received > maxBytes) {
            refuse();
        } else {
            text.onNext(buffers);
        }
    }

    @Override
    public void onError(Throwable failure) {
        text.onError(failure);
    }

    @Override
    public void onComplete() {
        text.onComplete();
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    private void refuse() {
        subscription.cancel();
        body.completeExceptionally(new ResponseTooLargeException(maxBytes));
    }
}
