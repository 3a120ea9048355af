package dev.latchkey.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Another Latchkey service that a {@code @QuarkusTest} application calls, run for real as a {@link ServiceProcess}:
 * {@link #reserve()} (from a test resource's {@code start}) points the application's REST client at a free port,
 * and {@link #ensureRunning} starts the service there, once the application (and so its configuration) is up, with
 * the same database, broker, OIDC server and secret-store key, consuming as a group of its own.
 */
public final class ServiceUnderTest {

    /** What the service shares with the test's application. */
    private static final List<String> SHARED = List.of("quarkus.datasource.username", "quarkus.datasource.password",
            "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url", "kafka.bootstrap.servers",
            "quarkus.oidc.auth-server-url", "quarkus.oidc.token.audience", "latchkey.secrets.local.master-key",
            "latchkey.outbound.allow-http", "latchkey.outbound.allow-cidrs");

    private final String module;
    private final String restClient;
    private final List<String> channels;
    private int port;
    private ServiceProcess process;

    /**
     * @param module     the service's module (a sibling directory of the test's module), packaged before the test
     * @param restClient the configuration key of the application's REST client for it
     * @param channels   the service's incoming Kafka channels
     */
    public ServiceUnderTest(String module, String restClient, List<String> channels) {
        this.module = module;
        this.restClient = restClient;
        this.channels = List.copyOf(channels);
    }

    /** Picks the port the service will listen on; returns the application's REST-client setting for it. */
    public synchronized Map<String, String> reserve() {
        port = ServiceProcess.freePort();
        return Map.of("quarkus.rest-client." + restClient + ".url", baseUrl());
    }

    /** Starts the service with {@code overrides} unless it runs already. */
    public synchronized void ensureRunning(Map<String, String> overrides) {
        if (process != null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new HashMap<>();
        SHARED.forEach(name -> properties.put(name, config.getValue(name, String.class)));
        String group = module + "-under-test-" + UUID.randomUUID();
        channels.forEach(channel -> properties.put("mp.messaging.incoming." + channel + ".group.id", group));
        properties.put("quarkus.log.console.json.enabled", "false");
        properties.putAll(overrides);
        process = ServiceProcess.start(module, port, properties);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
