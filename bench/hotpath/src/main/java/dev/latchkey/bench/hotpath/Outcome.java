package dev.latchkey.bench.hotpath;

import java.util.Map;

/**
 * What a load run saw: requests answered 200, answered otherwise, and failed without an answer (a connection reset,
 * say), each per path; the latencies of all of them; how long the run took; the first answer that was not a 200.
 */
public record Outcome(long ok, long otherStatus, long failed, double seconds, Latencies.Sorted latencies,
        Map<String, PathCounts> perPath, String firstProblem) {

    /** One path's answers: 200s, other statuses, no answer. */
    public record PathCounts(long ok, long otherStatus, long failed) {
    }

    /** Answered requests per second, 200 or not. */
    public double perSecond() {
        return (ok + otherStatus) / seconds;
    }

    /** The line every figure prints: rate, percentiles, anything that was not a 200. */
    public String describe() {
        return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d answered 200, %d other, %d no answer)%s",
                perSecond(), latencies.millis(50), latencies.millis(99), latencies.maxMillis(), ok, otherStatus, failed,
                firstProblem == null ? "" : "; first problem: " + firstProblem);
    }
}
