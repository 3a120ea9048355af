package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * connected-apps-service, the real one, for a test application that calls it (auth-config-service's deletions ask whether
 * an auth config is in use; the gateway introspects toolkit tokens): started by {@link #ensureRunning} once the test
 * application is up, its REST client key {@code connected-apps-service}.
 */
public class ConnectedAppsProcess implements QuarkusTestResourceLifecycleManager {

    private static final ServiceUnderTest CONNECTED_APPS = new ServiceUnderTest("connected-apps-service",
            "connected-apps-service", List.of("auth-configs", "tokens"));

    @Override
    public Map<String, String> start() {
        return CONNECTED_APPS.reserve();
    }

    public static void ensureRunning() {
        CONNECTED_APPS.ensureRunning(Map.of());
    }

    /** Stops it until the next {@link #ensureRunning}: how a test makes it unreachable. */
    public static void stopRunning() {
        CONNECTED_APPS.stop();
    }

    public static String baseUrl() {
        return CONNECTED_APPS.baseUrl();
    }

    @Override
    public void stop() {
        CONNECTED_APPS.stop();
    }
}
