package dev.latchkey.bench.refresh;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import io.smallrye.mutiny.Multi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A refresh storm: {@code n} connections come due at once, their access tokens expiring evenly over a ten-minute
 * window (all inside the ten-minute margin), refreshed by token-refresher's workers against a local token endpoint.
 * The window opens {@link #HEAD_START} after the storm starts: the time the schedule update and one poll interval
 * take, after which no poller could have seen the connections yet. Reports refreshes per second, how many were
 * refreshed after their token had expired (target 0), and token requests per connection (target exactly 1).
 */
final class Storm {

    private static final Duration SPREAD = Duration.ofMinutes(10);
    private static final Duration HEAD_START = Duration.ofSeconds(10);
    /** Far longer than 5,000 warm-up refreshes take here: a refresher that stops ends the run instead of hanging it. */
    private static final Duration WARM_UP_WITHIN = Duration.ofMinutes(5);

    private final LocalSecretStore secrets;
    private final ScriptedTokenEndpoint provider;
    private final RefreshBenchmark.Sql sql;

    Storm(LocalSecretStore secrets, ScriptedTokenEndpoint provider, RefreshBenchmark.Sql sql) {
        this.secrets = secrets;
        this.provider = provider;
        this.sql = sql;
    }

    void run(UUID authConfig, int n) throws Exception {
        provider.expiresIn(3600);
        Instant seeding = Instant.now();
        int warmUp = Math.min(5_000, n / 10);
        seed(authConfig, n, warmUp);
        System.out.printf("storm: %d connections (and %d to warm up with) seeded in %d s (tokens in the secret store,"
                + " rows in the schedule)%n", n, warmUp, Duration.between(seeding, Instant.now()).toSeconds());
        warmUp(warmUp);
        int before = provider.requests().size();

        Instant start = Instant.now();
        sql.execute("""
                CREATE TABLE public.storm AS
                SELECT connection_id, now() + interval '%d seconds'
                    + (row_number() OVER (ORDER BY connection_id) * interval '%d microseconds') AS expires_at
                FROM public.storm_seed WHERE NOT warm_up"""
                .formatted(HEAD_START.toSeconds(), SPREAD.toNanos() / 1000 / n));
        sql.execute("""
                UPDATE refresher.refresh_schedule s SET expires_at = t.expires_at, refresh_at = t.expires_at - interval '10 minutes'
                FROM public.storm t WHERE s.connection_id = t.connection_id""");
        System.out.printf("  all due %.1f s after the start; tokens expire from %d s to %d s after it%n",
                Duration.between(start, Instant.now()).toMillis() / 1000.0, HEAD_START.toSeconds(), HEAD_START.plus(SPREAD).toSeconds());
        long done = 0;
        Instant deadline = start.plus(SPREAD).plus(Duration.ofMinutes(5));
        while (done < n && Instant.now().isBefore(deadline)) {
            Thread.sleep(5_000);
            done = refreshed("public.storm");
            System.out.printf("  %d s: %d refreshed%n", Duration.between(start, Instant.now()).toSeconds(), done);
        }
        Instant last = sql.instant("SELECT max(s.issued_at) FROM refresher.refresh_schedule s JOIN public.storm t USING (connection_id)");
        long late = sql.count("SELECT count(*) FROM refresher.refresh_schedule s JOIN public.storm t USING (connection_id)"
                + " WHERE s.issued_at > t.expires_at");
        Map<String, Long> perConnection = provider.requests().stream().skip(before)
                .map(form -> form.getOrDefault("refresh_token", "?")).filter(token -> token.startsWith("seed-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long twice = perConnection.values().stream().filter(count -> count > 1).count();
        double seconds = Math.max(1, Duration.between(start, last == null ? Instant.now() : last).toMillis()) / 1000.0;
        System.out.printf("  refreshed %d of %d in %.1f s: %.0f refreshes/s%n", done, n, seconds, done / seconds);
        System.out.printf("  refreshed after their token expired: %d (target 0)%n", late);
        System.out.printf("  token requests: %d for %d connections; connections with more than one: %d (target 0)%n",
                provider.requests().size() - before, perConnection.size(), twice);
    }

    /** The freshly started refresher's JIT warms up on connections due now that the storm does not count. */
    private void warmUp(int count) throws Exception {
        sql.execute("""
                CREATE TABLE public.storm_warm_up AS SELECT connection_id, now() + interval '5 minutes' AS expires_at
                FROM public.storm_seed WHERE warm_up""");
        sql.execute("""
                UPDATE refresher.refresh_schedule s SET expires_at = w.expires_at, refresh_at = now()
                FROM public.storm_warm_up w WHERE s.connection_id = w.connection_id""");
        Eventually.until(count + " warm-up refreshes", WARM_UP_WITHIN, () -> refreshed("public.storm_warm_up") >= count);
    }

    /** How many of the table's connections have a token newer than the one they were seeded with. */
    private long refreshed(String table) throws Exception {
        return sql.count("SELECT count(*) FROM refresher.refresh_schedule s JOIN " + table + " t USING (connection_id)"
                + " WHERE s.expires_at > t.expires_at + interval '30 minutes'");
    }

    /**
     * Each connection's tokens in the store, and its row in the schedule, not due until its phase starts; the last
     * {@code warmUp} are the warm-up's.
     */
    private void seed(UUID authConfig, int n, int warmUp) throws Exception {
        int total = n + warmUp;
        sql.execute("CREATE TABLE public.storm_seed (connection_id uuid PRIMARY KEY, warm_up boolean NOT NULL)");
        UUID[] ids = new UUID[total];
        for (int i = 0; i < total; i++) {
            ids[i] = UUID.randomUUID();
        }
        Multi.createFrom().range(0, total)
                .onItem().transformToUni(i -> secrets.write(SecretPath.connection(RefreshBenchmark.TENANT, ids[i]),
                        Map.of("accessToken", "seed-access-" + i, "refreshToken", "seed-" + i), 0))
                .merge(16).collect().last().await().indefinitely();
        try (Connection connection = sql.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement row = connection.prepareStatement("""
                    INSERT INTO refresher.refresh_schedule (connection_id, tenant, auth_config_id, expires_at, refresh_at, issued_at, updated_at)
                    VALUES (?, ?, ?, now() + interval '1 day', NULL, now() - interval '1 hour', now())""");
                 PreparedStatement seedRow = connection.prepareStatement("INSERT INTO public.storm_seed VALUES (?, ?)")) {
                for (int i = 0; i < total; i++) {
                    row.setObject(1, ids[i]);
                    row.setString(2, RefreshBenchmark.TENANT);
                    row.setObject(3, authConfig);
                    row.addBatch();
                    seedRow.setObject(1, ids[i]);
                    seedRow.setBoolean(2, i >= n);
                    seedRow.addBatch();
                }
                row.executeBatch();
                seedRow.executeBatch();
            }
            connection.commit();
        }
    }
}
