package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The operator's OAuth2 apps file ({@code latchkey.platform-apps.file}) with two apps: {@code github}'s, and
 * {@code keycloak}'s pinned to a Keycloak played by a {@link ScriptedTokenEndpoint} over TLS on loopback, whose
 * certificate the application trusts through {@code latchkey.outbound.trusted-certificates}, as an operator trusts an
 * on-premises identity provider's CA.
 */
public class PlatformAppsResource implements QuarkusTestResourceLifecycleManager {

    public static final String GITHUB_CLIENT_ID = "Iv1.latchkey-platform";
    public static final String KEYCLOAK_CLIENT_ID = "latchkey-platform";
    public static final String KEYCLOAK_REALM = "platform";
    /** A secret no tenant may ever see: tests look for it in responses, events and logs. */
    public static final String KEYCLOAK_CLIENT_SECRET = "platform-app-secret-5f1d0c";

    private static volatile ScriptedTokenEndpoint endpoint;
    private Path file;

    /** The token endpoint of the {@code keycloak} app's server, started with the application. */
    public static ScriptedTokenEndpoint tokenEndpoint() {
        return endpoint;
    }

    @Override
    public Map<String, String> start() {
        try {
            LoopbackCertificate certificate = LoopbackCertificate.create("platform-idp", "changeit");
            endpoint = ScriptedTokenEndpoint.startTls(certificate);
            file = Files.createTempFile("platform-apps", ".json");
            Files.writeString(file, """
                    {"github": {"clientId": "%s", "clientSecret": "github-platform-secret"},
                     "keycloak": {"clientId": "%s", "clientSecret": "%s",
                                  "parameters": {"serverHost": "%s", "realm": "%s"}}}"""
                    .formatted(GITHUB_CLIENT_ID, KEYCLOAK_CLIENT_ID, KEYCLOAK_CLIENT_SECRET, endpoint.hostAndPort(), KEYCLOAK_REALM));
            return Map.of("latchkey.platform-apps.file", file.toString(),
                    "latchkey.outbound.trusted-certificates", certificate.certificate().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
