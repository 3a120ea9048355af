package dev.latchkey.secrets.vault;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server that answers only the requests a test stubs, in the shapes of Vault's documented HTTP API;
 * anything else gets a 500, so a request the backend should not send fails the test. Not a Vault server.
 */
public class VaultStub implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "hvs.contract-test-token";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(
                "latchkey.secrets.backend", "vault",
                "latchkey.secrets.vault.mount", "secret",
                "quarkus.vault.url", server.baseUrl(),
                "quarkus.vault.authentication.client-token", TOKEN);
    }

    static void reset() {
        server.resetAll();
        server.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10)
                .willReturn(WireMock.aResponse().withStatus(500).withBody("{\"errors\":[\"no stub matches this request\"]}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
