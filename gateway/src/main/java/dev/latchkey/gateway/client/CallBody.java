package dev.latchkey.gateway.client;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A caller's request body as the gateway passes it on: kept whole, so that the call can be made again (after a 401, a
 * Digest challenge, a short {@code Retry-After}), or streamed through once, never held.
 */
public sealed interface CallBody {

    /** The bytes passed on so far: all of a kept body; of a streamed one, what has gone through. */
    long length();

    /** Whether the call can be made again with this body. */
    boolean replayable();

    /** A body read whole before the call: small enough to keep (empty for none). */
    record Whole(Buffer bytes) implements CallBody {

        public static final Whole NONE = new Whole(Buffer.buffer());

        @Override
        public long length() {
            return bytes.length();
        }

        @Override
        public boolean replayable() {
            return true;
        }
    }

    /** A body passed on as it arrives, once; its chunks counted as they go, and cut off past the cap. */
    final class Streamed implements CallBody {

        private final Multi<Buffer> chunks;
        private final long declaredLength;
        private final long maxBytes;
        private final AtomicLong passed = new AtomicLong();
        private final AtomicBoolean taken = new AtomicBoolean();
        private volatile boolean tooLarge;

        /**
         * @param declaredLength the caller's Content-Length, -1 when it sends the body chunked
         * @param maxBytes       the most passed on: the stream fails where it goes past
         */
        public Streamed(Multi<Buffer> chunks, long declaredLength, long maxBytes) {
            this.chunks = chunks;
            this.declaredLength = declaredLength;
            this.maxBytes = maxBytes;
        }

        /** The chunks, to the one exchange that sends them. */
        Multi<Buffer> take() {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("a streamed body is sent once");
            }
            return chunks.map(chunk -> {
                if (passed.addAndGet(chunk.length()) > maxBytes) {
                    tooLarge = true;
                    throw new RequestTooLargeException(maxBytes);
                }
                return chunk;
            });
        }

        long declaredLength() {
            return declaredLength;
        }

        long maxBytes() {
            return maxBytes;
        }

        /** Whether the stream was cut off for passing the cap. */
        boolean tooLarge() {
            return tooLarge;
        }

        @Override
        public long length() {
            return passed.get();
        }

        @Override
        public boolean replayable() {
            return false;
        }
    }
}
