package dev.latchkey.bench.hotpath;

import java.time.Duration;

/**
 * The benchmark's settings, as {@code -Dname=value} (the pom's properties, passed on by exec:exec).
 *
 * @param duration    each closed-loop measurement, after a warm-up as long (at most 15 s)
 * @param callers     concurrent callers of the closed loops, pgbench's clients too
 * @param rate        the open loop's requests per second
 * @param openLoop    how long the open loop runs
 * @param readers     the stampede's concurrent readers
 * @param auditEvents audit ingestion: events published as fast as they go
 * @param auditRate   audit lag: events per second
 * @param auditLag    audit lag: how long
 * @param profile     connected-apps-service runs with Flight Recorder, and its top frames are printed at the end
 */
record Settings(Duration duration, int callers, int rate, Duration openLoop, int readers, int auditEvents, int auditRate,
        Duration auditLag, boolean profile) {

    static Settings fromSystemProperties() {
        return new Settings(Duration.ofSeconds(number("duration", 15)), number("callers", 32), number("rate", 1000),
                Duration.ofSeconds(number("openSeconds", 60)), number("readers", 1000), number("auditEvents", 100_000),
                number("auditRate", 1000), Duration.ofSeconds(number("auditSeconds", 60)), Boolean.getBoolean("profile"));
    }

    Duration warmUp() {
        return Duration.ofMillis(Math.min(15_000, duration.toMillis()));
    }

    private static int number(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }
}
