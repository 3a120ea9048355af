package dev.latchkey.bench.hotpath;

import dev.latchkey.testing.PostgresTestDatabase;
import dev.latchkey.testing.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service costs to run, after the load: its resident memory now ({@code VmRSS}) and at its peak
 * ({@code VmHWM}) against the 300 MiB target, and the PostgreSQL connections it holds (its pool as it runs).
 */
public final class Footprint {

    static final long TARGET_MIB = 300;
    /** Quarkus's default {@code quarkus.datasource.reactive.max-size}: no service sets it, nor does the benchmark. */
    static final int REACTIVE_POOL_SIZE = 20;

    private final PostgresTestDatabase database;
    private final Summary summary;

    Footprint(PostgresTestDatabase database, Summary summary) {
        this.database = database;
        this.summary = summary;
    }

    /** Prints and records {@code service}'s memory; {@code when} says after what load. */
    void measure(String service, long pid, String when) throws IOException {
        long rss = kib(pid, "VmRSS") >> 10;
        long peak = kib(pid, "VmHWM") >> 10;
        System.out.printf("footprint %s (%s): RSS %d MiB, peak %d MiB (target %d MiB; %s, MALLOC_ARENA_MAX=2)%n", service, when,
                rss, peak, TARGET_MIB, String.join(" ", ServiceProcess.JVM_OPTIONS));
        summary.atMost("6 " + service + " peak RSS", peak, "MiB", TARGET_MIB);
    }

    /** The database connections each service holds now, by the application name it connects with. */
    void pools() throws SQLException {
        Map<String, Long> held = new LinkedHashMap<>();
        try (Connection connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT coalesce(nullif(application_name, ''), '(unnamed)'), count(*)"
                     + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 1")) {
            while (rows.next()) {
                held.put(rows.getString(1), rows.getLong(2));
            }
        }
        System.out.printf("footprint pools: reactive max-size %d per service (libs/platform's"
                + " microprofile-config.properties says why), JDBC (Flyway) max-size 2 (libs/platform); connections held now: %s (vertx-pg-client: the"
                + " benchmark's own)%n", REACTIVE_POOL_SIZE, held);
        held.forEach((application, connections) -> summary.information("6 database connections of " + application,
                String.valueOf(connections)));
    }

    /** A field of the process's {@code /proc/<pid>/status} in KiB ({@code VmRSS}, {@code RssAnon}, ...). */
    public static long kib(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }
}
