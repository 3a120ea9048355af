package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * token-refresher, the real one, for the on-demand refresh: this resource points the service's REST client at a
 * port, and {@link #ensureRunning()} starts the packaged refresher there with the test's database, broker, OIDC
 * server and secret-store key, once the test application (and so its configuration) is up.
 */
public class TokenRefresherProcess implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static ServiceProcess process;

    @Override
    public Map<String, String> start() {
        port = ServiceProcess.freePort();
        return Map.of("quarkus.rest-client.token-refresher.url", "http://127.0.0.1:" + port);
    }

    static synchronized void ensureRunning(Map<String, String> overrides) {
        if (process != null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new HashMap<>();
        for (String name : new String[] {"quarkus.datasource.username", "quarkus.datasource.password", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.reactive.url", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url", "quarkus.oidc.token.audience",
                "latchkey.secrets.local.master-key", "latchkey.outbound.allow-http", "latchkey.outbound.allow-cidrs"}) {
            properties.put(name, config.getValue(name, String.class));
        }
        String group = "token-refresher-under-test-" + UUID.randomUUID();
        properties.put("mp.messaging.incoming.connections.group.id", group);
        properties.put("mp.messaging.incoming.auth-configs.group.id", group);
        properties.put("quarkus.log.console.json.enabled", "false");
        properties.putAll(overrides);
        process = ServiceProcess.start("token-refresher", port, properties);
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
