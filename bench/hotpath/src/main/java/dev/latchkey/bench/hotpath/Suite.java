package dev.latchkey.bench.hotpath;

import dev.latchkey.bench.refresh.RefreshBenchmark;
import dev.latchkey.testing.ServiceProcess;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * token-refresher and connected-apps-service as this benchmark runs them: bench/refresh's setting (one fresh
 * database, the broker, the OIDC server, the local secret store), plus per-caller and per-tenant rate limits far above
 * what the load can reach, so the figures are the path's and not the limiter's (its code still runs on every request),
 * and each service's name on its database connections, for the footprint.
 */
final class Suite {

    static final Path RECORDING = Path.of("target", "connected-apps.jfr").toAbsolutePath();
    private static final String UNREACHABLE_RATE = "1000000000";

    private final RefreshBenchmark setting;
    /** One consumer group for every connected-apps-service of the run: a restart carries on where the last one was. */
    private final String group = "connected-apps-service-hotpath-" + UUID.randomUUID();

    Suite(RefreshBenchmark setting) {
        this.setting = setting;
    }

    /** token-refresher, its workers idle (polling hourly): every refresh here is on demand. */
    ServiceProcess refresher() {
        Map<String, String> config = setting.common("token-refresher");
        config.put("latchkey.refresher.poll-interval", "3600s");
        named(config, "token-refresher");
        return ServiceProcess.start("token-refresher", ServiceProcess.freePort(), config);
    }

    /** connected-apps-service, with Flight Recorder when {@code profiled}. */
    ServiceProcess connectedApps(ServiceProcess refresher, boolean profiled) {
        Map<String, String> config = setting.common("connected-apps-service");
        config.put("quarkus.rest-client.token-refresher.url", refresher.baseUrl());
        config.put("quarkus.oidc-client.credentials.secret", "bench");
        config.put("mp.messaging.incoming.auth-configs.group.id", group);
        config.put("mp.messaging.incoming.tokens.group.id", group);
        for (String limit : List.of("caller", "tenant")) {
            config.put("latchkey.security.rate-limit." + limit + ".per-second", UNREACHABLE_RATE);
            config.put("latchkey.security.rate-limit." + limit + ".burst", UNREACHABLE_RATE);
        }
        named(config, "connected-apps-service");
        return ServiceProcess.start("connected-apps-service", ServiceProcess.freePort(), config,
                profiled ? Profile.jvmOptions(RECORDING) : List.of());
    }

    private static void named(Map<String, String> config, String service) {
        config.put("quarkus.datasource.reactive.additional-properties.application_name", service);
        config.put("quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", service + " (JDBC, Flyway)");
    }
}
