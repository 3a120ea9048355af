package dev.latchkey.bench.hotpath;

import java.util.List;

/**
 * The reads that grow with users' workflows, each against the service's own token-check-only endpoint
 * ({@code GET /api/v1/caller}: the HTTP stack and the JWT check) and pgbench -S on the same PostgreSQL: closed loops
 * of {@code callers} (a warm-up, then the measurement), and an open loop of credential reads at a fixed rate.
 */
final class HotPaths {

    static final double CALLER_TARGET = 0.5;
    static final double PGBENCH_TARGET = 0.2;
    static final double OPEN_LOOP_P99_TARGET_MS = 20;

    private final LoadClient client;
    private final Settings settings;
    private final Summary summary;
    private final String reader;
    private final String viewer;
    private final long servicePid;

    /** {@code reader} holds {@code credentials:read}, {@code viewer} the viewer role: the bearer tokens of the load. */
    HotPaths(LoadClient client, long servicePid, Settings settings, Summary summary, String reader, String viewer) {
        this.client = client;
        this.servicePid = servicePid;
        this.settings = settings;
        this.summary = summary;
        this.reader = reader;
        this.viewer = viewer;
    }

    /** The reference: the service's token-check-only endpoint. */
    Outcome caller() {
        Measured measured = measure("/api/v1/caller", viewer);
        Outcome caller = measured.outcome();
        System.out.printf("reference GET /api/v1/caller, %d callers: %s%n  %s%n", settings.callers(), caller.describe(), measured.cpu());
        summary.information("reference GET /api/v1/caller", String.format("%.0f req/s", caller.perSecond()));
        return caller;
    }

    /**
     * Every request the figures measure, mixed, for two warm-ups' time before the first measurement: the JIT compiles
     * what they share (the HTTP stack, the token check) here, not during whichever is measured first, which would
     * otherwise pay for the compiler threads' CPU (the reference itself, being first).
     */
    void warmUp(String apiKey, String oauth2) {
        client.closedLoop(List.of("/api/v1/caller", credentials(apiKey), credentials(oauth2)), reader, settings.callers(),
                settings.warmUp());
        client.closedLoop(List.of("/api/v1/connections/" + apiKey, "/api/v1/connections"), viewer, settings.callers(),
                settings.warmUp());
    }

    /** Figure 1: credential reads of an API-key connection and of an OAuth2 one whose token is not due. */
    void credentialReads(String apiKey, String oauth2, Outcome caller, PgBench.Tps pgbench) {
        for (var read : List.of(new Read("API key", credentials(apiKey)), new Read("OAuth2 not due", credentials(oauth2)))) {
            Measured measured = measure(read.path(), reader);
            Outcome outcome = measured.outcome();
            double rate = outcome.perSecond();
            System.out.printf("figure 1 credential read (%s), %d callers: %s; %.3fx caller (target >= %.1fx), %.3fx pgbench -S"
                    + " (target >= %.1fx)%n  %s%n", read.kind(), settings.callers(), outcome.describe(), rate / caller.perSecond(),
                    CALLER_TARGET, rate / pgbench.selectOnly(), PGBENCH_TARGET, measured.cpu());
            summary.ratio("1 credential read, " + read.kind(), rate, "req/s", "caller", caller.perSecond(), CALLER_TARGET);
            summary.ratio("1 credential read, " + read.kind(), rate, "req/s", "pgbench -S", pgbench.selectOnly(), PGBENCH_TARGET);
            summary.information("1 credential read, " + read.kind() + " p50 / p99",
                    String.format("%.1f / %.1f ms", outcome.latencies().millis(50), outcome.latencies().millis(99)));
        }
        CpuUse cpu = CpuUse.of(servicePid);
        Outcome open = client.openLoop(List.of(credentials(apiKey), credentials(oauth2)), reader, settings.rate(), settings.openLoop());
        String openCpu = cpu.describe();
        long notOk = open.otherStatus() + open.failed();
        System.out.printf("figure 1 open loop: credential reads of both, alternating, at %d/s for %d s (latency from each"
                + " request's due time): p50 %.1f ms, p99 %.1f ms (target <= %.0f ms), max %.1f ms, non-200 %d (%d answered otherwise,"
                + " %d no answer); answered %.0f/s%s%n  %s%n", settings.rate(), settings.openLoop().toSeconds(), open.latencies().millis(50),
                open.latencies().millis(99), OPEN_LOOP_P99_TARGET_MS, open.latencies().maxMillis(), notOk, open.otherStatus(), open.failed(),
                open.perSecond(), open.firstProblem() == null ? "" : "; first problem: " + open.firstProblem(), openCpu);
        summary.atMost("1 open loop " + settings.rate() + "/s p99", open.latencies().millis(99), "ms", OPEN_LOOP_P99_TARGET_MS);
        summary.exactly("1 open loop non-200", notOk, 0);
    }

    /** Figure 3: one connection, and the list. */
    void connectionReads(String connection, Outcome caller) {
        for (var read : List.of(new Read("GET /api/v1/connections/{id}", "/api/v1/connections/" + connection),
                new Read("GET /api/v1/connections", "/api/v1/connections"))) {
            Measured measured = measure(read.path(), viewer);
            Outcome outcome = measured.outcome();
            System.out.printf("figure 3 %s, %d callers: %s; %.3fx caller (target >= %.1fx)%n  %s%n", read.kind(), settings.callers(),
                    outcome.describe(), outcome.perSecond() / caller.perSecond(), CALLER_TARGET, measured.cpu());
            summary.ratio("3 " + read.kind(), outcome.perSecond(), "req/s", "caller", caller.perSecond(), CALLER_TARGET);
        }
    }

    /** A warm-up of the same requests, then the measured run, and where the CPU went during it. */
    private Measured measure(String path, String bearer) {
        client.closedLoop(List.of(path), bearer, settings.callers(), settings.warmUp());
        CpuUse cpu = CpuUse.of(servicePid);
        Outcome outcome = client.closedLoop(List.of(path), bearer, settings.callers(), settings.duration());
        return new Measured(outcome, cpu.describe());
    }

    private record Measured(Outcome outcome, String cpu) {
    }

    static String credentials(String connection) {
        return "/api/v1/connections/" + connection + "/credentials";
    }

    /** What is read: a label and the path. */
    private record Read(String kind, String path) {
    }
}
