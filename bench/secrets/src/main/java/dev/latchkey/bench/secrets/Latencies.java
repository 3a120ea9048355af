package dev.latchkey.bench.secrets;

import java.util.Arrays;

/** The latency of each operation of one run, and how long the whole run took. */
record Latencies(long[] nanos, long elapsedNanos) {

    Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    double perSecond() {
        return nanos.length / (elapsedNanos / 1e9);
    }

    /** The latency below which {@code fraction} of the operations finished, in milliseconds. */
    double percentileMillis(double fraction) {
        int index = (int) Math.ceil(fraction * nanos.length) - 1;
        return nanos[Math.max(index, 0)] / 1e6;
    }

    String report(String operation) {
        return String.format("%-5s  %8.0f ops/s   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms",
                operation, perSecond(), percentileMillis(0.50), percentileMillis(0.99), nanos[nanos.length - 1] / 1e6);
    }
}
