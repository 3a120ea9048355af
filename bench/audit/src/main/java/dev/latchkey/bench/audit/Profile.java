package dev.latchkey.bench.audit;

import dev.latchkey.testing.ServiceProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A flight recording of audit-service over its start and the ingestion phase, when {@code -Djfr=<file>} is given
 * ({@code ./latchkey bench audit -Djfr=/tmp/audit.jfr}); stopped before the lag phase, so its samples are the
 * backlog's drain. Read it with {@code jfr print --events jdk.ExecutionSample <file>} or {@code jfr summary}.
 */
record Profile(String file) {

    private static final String RECORDING = "bench";

    static Profile fromSystemProperty() {
        return new Profile(System.getProperty("bench.jfr", ""));
    }

    List<String> jvmOptions() {
        return file.isBlank() ? List.of()
                : List.of("-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile,filename=" + file);
    }

    /** Writes the recording to its file and ends it. */
    void stop(ServiceProcess service) throws IOException, InterruptedException {
        if (file.isBlank()) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process stop = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "JFR.stop", "name=" + RECORDING,
                "filename=" + file).inheritIO().start();
        System.out.printf("profile: JFR.stop exited with %d; recording in %s%n", stop.waitFor(), file);
    }
}
