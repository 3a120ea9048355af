package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.ServiceUnderTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * connected-apps-service, the real one, which a deletion asks whether an auth config is in use: started by
 * {@link #ensureRunning} once the test application is up (on-demand refreshes are not asked of it here).
 */
public class ConnectedAppsProcess implements QuarkusTestResourceLifecycleManager {

    private static final ServiceUnderTest CONNECTED_APPS = new ServiceUnderTest("connected-apps-service",
            "connected-apps-service", List.of("auth-configs", "tokens"));

    @Override
    public Map<String, String> start() {
        return CONNECTED_APPS.reserve();
    }

    static void ensureRunning() {
        CONNECTED_APPS.ensureRunning(Map.of());
    }

    static String baseUrl() {
        return CONNECTED_APPS.baseUrl();
    }

    @Override
    public void stop() {
        CONNECTED_APPS.stop();
    }
}
