package dev.latchkey.chartchecks;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Under the local secret backend (docs/deploy.md) the services that write secrets migrate the shared schema as its
 * owner role, and the gateway, which only reads them as its Vault policy says, is told it only reads: its login role
 * holds no more than the reader role's SELECT, so a migration or a re-wrap from it could not run.
 */
class LocalSecretRolesTest {

    private static final String BACKEND = "LATCHKEY_SECRETS_BACKEND";
    private static final String OWNER_ROLE = "LATCHKEY_SECRETS_LOCAL_OWNER_ROLE";
    private static final String READ_ONLY = "LATCHKEY_SECRETS_LOCAL_READ_ONLY";

    @Test
    void theGatewayOnlyReadsAndTheOthersMigrateAsTheOwner() {
        Set<String> withSecrets = new TreeSet<>();
        for (Manifest configMap : Rendering.localSecrets().ofKind("ConfigMap")) {
            Map<String, String> data = Manifest.strings(configMap.body().path("data"));
            if (!"local".equals(data.get(BACKEND))) {
                continue;
            }
            withSecrets.add(configMap.component());
            if (configMap.component().equals("gateway")) {
                assertEquals("true", data.get(READ_ONLY), configMap + " must only read secrets");
                assertFalse(data.containsKey(OWNER_ROLE), configMap + " names the owner role it is no member of");
            } else {
                assertEquals("latchkey_secrets", data.get(OWNER_ROLE), configMap + " must migrate as the owner role");
                assertFalse(data.containsKey(READ_ONLY), configMap + " writes secrets");
            }
        }
        assertEquals(Set.of("auth-config-service", "connected-apps-service", "gateway", "token-refresher"), withSecrets);
    }
}
