package dev.latchkey.chartchecks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * helm/latchkey/vault/ has a policy for each service the chart gives a Vault role, named as configure-vault names
 * the roles, and the policies reach only the KV v2 paths of libs/secrets' SecretPath.
 */
class VaultPoliciesTest {

    private static final String ROLE = "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_ROLE";
    /** tenants/{tenant}/auth-configs/{id} and tenants/{tenant}/connections/{id}, as data or metadata of the mount. */
    private static final Pattern SECRET_PATHS = Pattern.compile("secret/(data|metadata|destroy)/tenants/\\+/(auth-configs|connections)/\\*");
    private static final Pattern PATH = Pattern.compile("(?m)^path \"([^\"]+)\"");

    @Test
    void everyServiceWithAVaultRoleHasItsPolicy() throws IOException {
        Map<String, String> roles = new TreeMap<>();
        for (Manifest configMap : Rendering.defaults().ofKind("ConfigMap")) {
            String role = Manifest.strings(configMap.body().path("data")).get(ROLE);
            if (role != null) {
                roles.put(configMap.component(), role);
            }
        }
        assertEquals(policies().keySet(), roles.keySet(), "services with a Vault role, and the policies in " + Checkout.VAULT_POLICIES);
        roles.forEach((service, role) -> assertEquals("latchkey-" + service, role,
                service + "'s default Vault role is not the one configure-vault creates"));
    }

    @Test
    void policiesReachOnlySecretPaths() throws IOException {
        for (Map.Entry<String, String> policy : policies().entrySet()) {
            Set<String> paths = new TreeSet<>();
            Matcher matcher = PATH.matcher(policy.getValue());
            while (matcher.find()) {
                paths.add(matcher.group(1));
            }
            assertTrue(!paths.isEmpty() && paths.stream().allMatch(path -> SECRET_PATHS.matcher(path).matches()),
                    policy.getKey() + "'s policy reaches " + paths);
        }
    }

    private static Map<String, String> policies() throws IOException {
        Map<String, String> policies = new TreeMap<>();
        try (Stream<Path> files = Files.list(Checkout.VAULT_POLICIES)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".hcl")).toList()) {
                policies.put(file.getFileName().toString().replace(".hcl", ""), Files.readString(file));
            }
        }
        return policies;
    }
}
