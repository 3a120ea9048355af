package dev.latchkey.bench.hotpath;

import java.util.Arrays;

/** Every latency of a run, in nanoseconds, kept whole: a run's few hundred thousand fit, and percentiles are exact. */
public final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int size;

    synchronized void add(long latency) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latency;
    }

    /** The sorted latencies, for percentiles. */
    synchronized Sorted sorted() {
        long[] copy = Arrays.copyOf(nanos, size);
        Arrays.sort(copy);
        return new Sorted(copy);
    }

    public record Sorted(long[] nanos) {

        /** The {@code percent} percentile in milliseconds; 0 when there is none. */
        public double millis(double percent) {
            if (nanos.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(nanos.length * percent / 100.0) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank))] / 1e6;
        }

        public double maxMillis() {
            return nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6;
        }
    }
}
