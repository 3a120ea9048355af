package dev.latchkey.bench.hotpath;

import java.time.Duration;

/**
 * The CPU the service, PostgreSQL (all its processes) and this JVM (the load client, and the embedded Kafka broker and
 * OIDC server it hosts) used during a run, in cores: on a shared 2-core machine it says which of them, or something
 * else, capped a figure.
 */
final class CpuUse {

    private final ProcessHandle service;
    private final long startNanos = System.nanoTime();
    private final Duration serviceStart;
    private final Duration clientStart;
    private final Duration postgresStart;

    private CpuUse(ProcessHandle service) {
        this.service = service;
        this.serviceStart = cpu(service);
        this.clientStart = cpu(ProcessHandle.current());
        this.postgresStart = postgres();
    }

    /** Starts counting now. */
    static CpuUse of(long servicePid) {
        return new CpuUse(ProcessHandle.of(servicePid).orElseThrow());
    }

    /** What was used since the start, as cores busy on average. */
    String describe() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double serviceCores = cores(cpu(service).minus(serviceStart), seconds);
        double clientCores = cores(cpu(ProcessHandle.current()).minus(clientStart), seconds);
        double postgresCores = cores(postgres().minus(postgresStart), seconds);
        return String.format("CPU: service %.2f cores, PostgreSQL %.2f, benchmark JVM (load client, Kafka, OIDC) %.2f,"
                + " the rest of the machine %.2f of %d",
                serviceCores, postgresCores, clientCores, Math.max(0, Runtime.getRuntime().availableProcessors() - serviceCores
                        - postgresCores - clientCores), Runtime.getRuntime().availableProcessors());
    }

    private static double cores(Duration cpu, double seconds) {
        return cpu.toNanos() / 1e9 / seconds;
    }

    /** The server's processes now; a backend that ended since the start takes its CPU with it, so this is a floor. */
    private static Duration postgres() {
        return ProcessHandle.allProcesses().filter(process -> process.info().command().filter(command -> command.endsWith("/postgres"))
                .isPresent()).map(CpuUse::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
