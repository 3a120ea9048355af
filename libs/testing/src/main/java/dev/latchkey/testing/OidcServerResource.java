package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Makes a Quarkus application trust bearer tokens from the test OIDC server. */
public class OidcServerResource implements QuarkusTestResourceLifecycleManager {

    private OidcTestServer server;

    @Override
    public Map<String, String> start() {
        server = OidcTestServer.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", server.issuerUrl(),
                "quarkus.oidc.token.audience", OidcTestServer.AUDIENCE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
