package dev.latchkey.bench.hotpath;

import dev.latchkey.testing.PostgresTestDatabase;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own speed, the reference every figure is a ratio to: PostgreSQL's pgbench on the same server, in a
 * scratch database initialised at scale {@value #SCALE} and dropped afterwards, as the admin of {@code LATCHKEY_TEST_PG}.
 * Select-only ({@code -S}) is the reference; the simple-update mix ({@code -N}) is printed for information.
 */
public final class PgBench {

    private static final String PGBENCH = "/usr/bin/pgbench";
    private static final int SCALE = 10;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    /** Transactions per second: select-only and simple-update. */
    public record Tps(double selectOnly, double simpleUpdate) {
    }

    private PgBench() {
    }

    public static Tps measure(int clients, Duration duration) throws IOException, InterruptedException {
        try (PostgresTestDatabase scratch = PostgresTestDatabase.create()) {
            run(scratch, "-i", "-q", "-s", String.valueOf(SCALE));
            String seconds = String.valueOf(duration.toSeconds());
            String jobs = String.valueOf(Runtime.getRuntime().availableProcessors());
            double selectOnly = tps(run(scratch, "-S", "-c", String.valueOf(clients), "-j", jobs, "-T", seconds));
            System.out.printf("reference pgbench -S: %.0f TPS (select-only, %d clients, %s s, scale %d)%n", selectOnly, clients,
                    seconds, SCALE);
            double simpleUpdate = tps(run(scratch, "-N", "-c", String.valueOf(clients), "-j", jobs, "-T", seconds));
            System.out.printf("information pgbench -N: %.0f TPS (simple update, %d clients, %s s)%n", simpleUpdate, clients, seconds);
            return new Tps(selectOnly, simpleUpdate);
        }
    }

    private static String run(PostgresTestDatabase database, String... arguments) throws IOException, InterruptedException {
        URI server = URI.create(database.reactiveUrl());
        List<String> command = new ArrayList<>(List.of(PGBENCH, "-h", server.getHost(), "-p", String.valueOf(server.getPort()),
                "-U", database.user()));
        command.addAll(List.of(arguments));
        command.add(database.name());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    private static double tps(String output) {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }
}
