package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.ServiceUnderTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/** token-refresher, the real one, for the on-demand refresh: started by {@link #ensureRunning} once the test application is up. */
public class TokenRefresherProcess implements QuarkusTestResourceLifecycleManager {

    private static final ServiceUnderTest REFRESHER = new ServiceUnderTest("token-refresher", "token-refresher",
            List.of("connections", "auth-configs"));

    @Override
    public Map<String, String> start() {
        return REFRESHER.reserve();
    }

    static void ensureRunning(Map<String, String> overrides) {
        REFRESHER.ensureRunning(overrides);
    }

    static String baseUrl() {
        return REFRESHER.baseUrl();
    }

    @Override
    public void stop() {
        REFRESHER.stop();
    }
}
