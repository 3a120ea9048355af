package dev.latchkey.bench.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** So many bytes written into a stream while its reader keeps up, waiting when it does not: never held whole. */
final class Blocks {

    private static final Buffer BLOCK = Buffer.buffer(new byte[64 * 1024]);

    private Blocks() {
    }

    /** Writes {@code bytes} into {@code out}, then ends it. */
    static void write(WriteStream<Buffer> out, long bytes) {
        long[] left = {bytes};
        Runnable[] fill = new Runnable[1];
        fill[0] = () -> {
            while (left[0] > 0 && !out.writeQueueFull()) {
                int size = (int) Math.min(BLOCK.length(), left[0]);
                out.write(size == BLOCK.length() ? BLOCK : BLOCK.getBuffer(0, size));
                left[0] -= size;
            }
            if (left[0] == 0) {
                out.end();
            } else {
                out.drainHandler(ignored -> fill[0].run());
            }
        };
        fill[0].run();
    }
}
