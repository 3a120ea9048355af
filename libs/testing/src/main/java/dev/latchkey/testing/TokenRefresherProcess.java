package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * token-refresher, the real one, for a test application's on-demand refreshes (connected-apps-service's, the gateway's):
 * started by {@link #ensureRunning} once the test application is up.
 */
public class TokenRefresherProcess implements QuarkusTestResourceLifecycleManager {

    private static final ServiceUnderTest REFRESHER = new ServiceUnderTest("token-refresher", "token-refresher",
            List.of("connections", "auth-configs"));

    @Override
    public Map<String, String> start() {
        return REFRESHER.reserve();
    }

    public static void ensureRunning(Map<String, String> overrides) {
        REFRESHER.ensureRunning(overrides);
    }

    public static String baseUrl() {
        return REFRESHER.baseUrl();
    }

    @Override
    public void stop() {
        REFRESHER.stop();
    }
}
