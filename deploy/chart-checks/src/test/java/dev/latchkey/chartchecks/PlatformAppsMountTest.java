package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The operator's OAuth2 apps file (client secrets inside) reaches only the three services that send a client's secret
 * to a token endpoint, never the gateway or the console; the company CA of outbound.caSecret reaches every service that
 * calls providers, the gateway's proxy included.
 */
class PlatformAppsMountTest {

    private static final Set<String> SENDING_CLIENT_SECRETS = Set.of("auth-config-service", "connected-apps-service", "token-refresher");
    private static final Set<String> CALLING_PROVIDERS = Set.of("auth-config-service", "connected-apps-service", "token-refresher",
            "gateway");

    @Test
    void theAppsFileIsMountedWhereClientSecretsAreSentAndNowhereElse() {
        Set<String> mounted = new TreeSet<>();
        for (Manifest deployment : Rendering.production().ofKind("Deployment")) {
            if (volumeSecrets(deployment).contains("latchkey-platform-apps")) {
                mounted.add(deployment.component());
                assertEquals("/etc/latchkey/platform-apps/platform-apps.json", setting(deployment, "LATCHKEY_PLATFORM_APPS_FILE"),
                        deployment.toString());
            } else {
                assertFalse(settings(deployment).containsKey("LATCHKEY_PLATFORM_APPS_FILE"), deployment.toString());
            }
        }
        assertEquals(SENDING_CLIENT_SECRETS, mounted);
        Rendering.defaults().ofKind("Deployment").forEach(deployment ->
                assertFalse(volumeSecrets(deployment).contains("latchkey-platform-apps"), deployment + " without platformApps"));
    }

    @Test
    void theCompanyCaIsTrustedByEveryServiceThatCallsProviders() {
        Set<String> trusting = new TreeSet<>();
        for (Manifest deployment : Rendering.production().ofKind("Deployment")) {
            if (volumeSecrets(deployment).contains("corp-ca")) {
                trusting.add(deployment.component());
                assertEquals("/etc/latchkey/outbound-ca/ca.crt", setting(deployment, "LATCHKEY_OUTBOUND_TRUSTED_CERTIFICATES"));
            }
        }
        assertEquals(CALLING_PROVIDERS, trusting);
        Manifest gateway = Rendering.production().ofKind("Deployment").stream()
                .filter(deployment -> deployment.component().equals("gateway")).findFirst().orElseThrow();
        assertEquals("/etc/latchkey/outbound-ca/ca.crt", setting(gateway, "LATCHKEY_GATEWAY_TRUSTED_CERTIFICATES"));
    }

    private static Set<String> volumeSecrets(Manifest deployment) {
        Set<String> secrets = new TreeSet<>();
        for (JsonNode volume : deployment.body().path("spec").path("template").path("spec").path("volumes")) {
            if (volume.has("secret")) {
                secrets.add(volume.path("secret").path("secretName").asText());
            }
        }
        return secrets;
    }

    private static String setting(Manifest deployment, String name) {
        return settings(deployment).get(name);
    }

    /** The deployment's ConfigMap's settings (every service reads its own through envFrom). */
    private static Map<String, String> settings(Manifest deployment) {
        return Manifest.strings(Rendering.production().get("ConfigMap", deployment.body().path("metadata").path("name").asText())
                .body().path("data"));
    }
}
