package dev.latchkey.bench.hotpath;

import dev.latchkey.bench.audit.AuditBenchmark;
import dev.latchkey.testing.AuditDatabase;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.KafkaTestBroker;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.PostgresTestDatabase;
import dev.latchkey.testing.ServiceProcess;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Figure 2, durability under kill -9: credential reads of several connections by {@code callers} callers, then
 * connected-apps-service is SIGKILLed with reads in flight (no caller sends another once the kill is decided), started
 * again on the same database and broker, and read again. Every read answered 200 must have its
 * {@code access.credentials_read} event on the topic and exactly one row in the audit log of an audit-service reading
 * the same broker; a read in flight at the kill may have one or not. Per connection: distinct events on the topic
 * between answered 200 and answered 200 + unanswered; per event id: exactly one audit row.
 */
final class Durability {

    static final int CONNECTIONS = 8;
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(2);

    /** What the figure needs of the rest of the run. */
    record Setting(Supplier<ServiceProcess> connectedApps, Connections connections, UUID apiKeyConfig, PostgresTestDatabase database,
            KafkaTestBroker broker, OidcTestServer oidc, Vertx vertx) {
    }

    private final Setting setting;
    private final Settings settings;
    private final Summary summary;
    private final Footprint footprint;

    Durability(Setting setting, Settings settings, Summary summary, Footprint footprint) {
        this.setting = setting;
        this.settings = settings;
        this.summary = summary;
        this.footprint = footprint;
    }

    void run(String reader) throws Exception {
        try (AuditDatabase auditDatabase = AuditDatabase.create();
             ServiceProcess audit = auditService(auditDatabase)) {
            ServiceProcess first = setting.connectedApps().get();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                ids.add(setting.connections().apiKey(first, setting.apiKeyConfig(), "durability " + i));
            }
            String sentinel = setting.connections().apiKey(first, setting.apiKeyConfig(), "durability sentinel");
            Eventually.until("audit-service to read latchkey.access.v1", SETTLED_WITHIN,
                    () -> setting.connections().read(first, sentinel, reader) && auditRows(auditDatabase, sentinel) > 0);

            Instant since = Instant.now();
            List<String> paths = ids.stream().map(HotPaths::credentials).toList();
            Outcome beforeKill;
            try (LoadClient client = new LoadClient(setting.vertx(), first.baseUrl(), settings.callers())) {
                LoadClient.Running running = client.start(paths, reader, settings.callers());
                Thread.sleep(settings.duration().toMillis() / 2);
                running.stop();
                ProcessHandle.of(first.pid()).ifPresent(ProcessHandle::destroyForcibly);
                beforeKill = running.await();
            }
            first.close();
            long restarting = System.nanoTime();
            try (ServiceProcess second = setting.connectedApps().get();
                 LoadClient client = new LoadClient(setting.vertx(), second.baseUrl(), settings.callers())) {
                double restartSeconds = (System.nanoTime() - restarting) / 1e9;
                Outcome afterRestart = client.closedLoop(paths, reader, settings.callers(), settings.duration().dividedBy(2));
                System.out.printf("figure 2 durability: %d callers over %d API-key connections; SIGKILL after %d s: %s; restarted"
                        + " (ready in %.1f s), then %d s more: %s%n", settings.callers(), CONNECTIONS, settings.duration().toSeconds() / 2,
                        beforeKill.describe(), restartSeconds, settings.duration().toSeconds() / 2, afterRestart.describe());
                Eventually.until("connected-apps-service's outbox to be sent", SETTLED_WITHIN, () -> unsent(setting.database()) == 0);
                check(paths, ids, List.of(beforeKill, afterRestart), AccessTopic.read(setting.broker().bootstrapServers(),
                        new HashSet<>(ids), since), auditDatabase);
                footprint.measure("audit-service", audit.pid(), "after figure 2");
            }
        }
    }

    private void check(List<String> paths, List<String> ids, List<Outcome> outcomes, AccessTopic.Reads topic, AuditDatabase audit)
            throws SQLException {
        long answered = 0;
        long unanswered = 0;
        long other = 0;
        int consistent = 0;
        for (int i = 0; i < ids.size(); i++) {
            String path = paths.get(i);
            long ok = outcomes.stream().mapToLong(outcome -> counts(outcome, path).ok()).sum();
            long failed = outcomes.stream().mapToLong(outcome -> counts(outcome, path).failed()).sum();
            int events = topic.eventIds().getOrDefault(ids.get(i), Set.of()).size();
            boolean holds = events >= ok && events <= ok + failed;
            System.out.printf("  connection %s: answered 200 %d, unanswered %d, distinct events on the topic %d -> %s%n", ids.get(i),
                    ok, failed, events, holds ? "OK" : "VIOLATED");
            consistent += holds ? 1 : 0;
            answered += ok;
            unanswered += failed;
            other += outcomes.stream().mapToLong(outcome -> counts(outcome, path).otherStatus()).sum();
        }
        Set<UUID> eventIds = topic.all();
        try {
            Eventually.until("every event in the audit log", SETTLED_WITHIN, () -> stored(audit, eventIds)[0] == eventIds.size());
        } catch (AssertionError missing) {
            // reported below: some events never reached the audit log
        }
        long[] rows = stored(audit, eventIds);
        long exactlyOnce = rows[1];
        long duplicated = rows[2];
        boolean topicHolds = consistent == ids.size();
        boolean auditHolds = exactlyOnce == eventIds.size();
        System.out.printf("  answered 200 %d, unanswered (in flight at the kill) %d, other answers %d; events on the topic: %d distinct"
                + " ids in %d records; answered 200 <= events <= answered 200 + unanswered for %d of %d connections -> %s%n", answered,
                unanswered, other, eventIds.size(), topic.records(), consistent, ids.size(), topicHolds ? "OK" : "VIOLATED");
        System.out.printf("  audit log: %d of %d event ids with exactly one row, %d with more, %d missing -> %s%n", exactlyOnce,
                eventIds.size(), duplicated, eventIds.size() - exactlyOnce - duplicated, auditHolds ? "OK" : "VIOLATED");
        summary.holds("2 kill -9: each 200's event on the topic", String.format("%d answered 200, %d unanswered, %d events", answered,
                unanswered, eventIds.size()), topicHolds);
        summary.holds("2 kill -9: audit rows per event exactly 1", String.format("%d of %d", exactlyOnce, eventIds.size()), auditHolds);
    }

    private static Outcome.PathCounts counts(Outcome outcome, String path) {
        return outcome.perPath().getOrDefault(path, new Outcome.PathCounts(0, 0, 0));
    }

    /** An audit-service on the run's broker that reads only what is published from now on: the figure's events, not the run's. */
    private ServiceProcess auditService(AuditDatabase database) {
        Map<String, String> config = AuditBenchmark.config(database, setting.broker(), setting.oidc());
        config.put("mp.messaging.incoming.events.auto.offset.reset", "latest");
        return ServiceProcess.start("audit-service", ServiceProcess.freePort(), config);
    }

    private static long auditRows(AuditDatabase audit, String target) throws SQLException {
        try (Connection connection = audit.database().connect();
             var statement = connection.prepareStatement("SELECT count(*) FROM audit.audit_events WHERE target_id = ?")) {
            statement.setString(1, target);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Of {@code ids}: how many are stored, how many exactly once, how many more than once. */
    private static long[] stored(AuditDatabase audit, Set<UUID> ids) throws SQLException {
        try (Connection connection = audit.database().connect(); var statement = connection.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE n = 1), count(*) FILTER (WHERE n > 1)
                FROM (SELECT event_id, count(*) AS n FROM audit.audit_events WHERE event_id = ANY (?) GROUP BY event_id) per_event""")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
            }
        }
    }

    private static long unsent(PostgresTestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM connections.outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
