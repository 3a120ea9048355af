package dev.latchkey.bench.hotpath;

import java.time.Duration;

/**
 * The CPU the service and the load client (this JVM) used during a run, in cores: on a shared 2-core machine it says
 * which of them (or something else) capped a figure.
 */
final class CpuUse {

    private final ProcessHandle service;
    private final long startNanos = System.nanoTime();
    private final Duration serviceStart;
    private final Duration clientStart;

    private CpuUse(ProcessHandle service) {
        this.service = service;
        this.serviceStart = cpu(service);
        this.clientStart = cpu(ProcessHandle.current());
    }

    /** Starts counting now. */
    static CpuUse of(long servicePid) {
        return new CpuUse(ProcessHandle.of(servicePid).orElseThrow());
    }

    /** What was used since the start, as cores busy on average. */
    String describe() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format("CPU: service %.2f cores, load client %.2f cores",
                cpu(service).minus(serviceStart).toNanos() / 1e9 / seconds,
                cpu(ProcessHandle.current()).minus(clientStart).toNanos() / 1e9 / seconds);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
