package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console keeps nothing and reaches only what it needs: no database password, no broker, no secret store; its own
 * client's secret; the three services' APIs by their in-cluster names; "/" at the Ingress; and the network lets it
 * reach those services and the issuer only.
 */
class ConsoleWiringTest {

    private static final List<String> CALLED = List.of("auth-config-service", "connected-apps-service", "audit-service");

    static Stream<Rendering> renderings() {
        return Rendering.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void consoleHoldsNoDatabaseBrokerOrSecretStoreSettingAndItsOwnClientSecret(Rendering rendering) {
        Map<String, String> settings = Manifest.strings(rendering.get("ConfigMap", "latchkey-console").body().path("data"));
        for (String key : settings.keySet()) {
            assertFalse(key.startsWith("QUARKUS_DATASOURCE") || key.startsWith("KAFKA_") || key.startsWith("QUARKUS_VAULT")
                    || key.startsWith("LATCHKEY_SECRETS"), "the console has " + key);
        }
        assertEquals("console", settings.get("QUARKUS_OIDC_CLIENT_ID"));
        for (String service : CALLED) {
            String key = "QUARKUS_REST_CLIENT_" + service.toUpperCase().replace('-', '_') + "_URL";
            assertEquals("http://latchkey-" + service + ":" + port(rendering, service), settings.get(key), key);
        }
        Manifest deployment = rendering.get("Deployment", "latchkey-console");
        List<String> variables = new ArrayList<>();
        deployment.podSpec().path("containers").get(0).path("env").forEach(variable -> variables.add(variable.path("name").asText()));
        assertEquals(List.of("LATCHKEY_OIDC_CLIENT_SECRET"), variables);
        assertEquals("latchkey-oidc-console",
                deployment.variable("LATCHKEY_OIDC_CLIENT_SECRET").path("valueFrom").path("secretKeyRef").path("name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theIngressSendsWhatNoServiceServesToTheConsole(Rendering rendering) {
        IngressRoutes ingress = IngressRoutes.of(rendering);
        assertEquals("console", ingress.routeOf("/").orElseThrow().service());
        assertEquals("console", ingress.routeOf("/auth-configs/new").orElseThrow().service());
        assertEquals("auth-config-service", ingress.routeOf("/api/v1/auth-configs").orElseThrow().service());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theNetworkLetsTheConsoleReachTheServicesItCallsAndNothingElseInTheCluster(Rendering rendering) {
        for (String service : CALLED) {
            assertTrue(admits(rendering.get("NetworkPolicy", "latchkey-" + service)), service + " refuses the console");
        }
        for (String service : List.of("token-refresher", "gateway")) {
            assertFalse(admits(rendering.get("NetworkPolicy", "latchkey-" + service)), service + " admits the console");
        }
        rendering.ofKind("NetworkPolicy").stream().filter(policy -> policy.name().equals("latchkey-console-egress"))
                .forEach(egress -> {
                    List<String> reached = new ArrayList<>();
                    for (JsonNode rule : egress.body().path("spec").path("egress")) {
                        rule.path("to").forEach(peer -> reached.add(peer.path("podSelector").path("matchLabels")
                                .path("app.kubernetes.io/name").asText()));
                    }
                    assertTrue(reached.containsAll(CALLED), "the console's egress: " + reached);
                    assertFalse(reached.contains("token-refresher") || reached.contains("gateway"), reached.toString());
                    String rules = egress.body().path("spec").path("egress").toString();
                    for (JsonNode rule : egress.body().path("spec").path("egress")) {
                        assertFalse(rule.toString().contains("0.0.0.0/0") && !rule.has("ports"),
                                "the console calls no provider: a public address only on the issuer's ports: " + rule);
                    }
                    for (String port : List.of("5432", "9092", "9093")) {
                        assertFalse(rules.contains("\"port\":" + port), "the console reaches no database or broker: " + rules);
                    }
                });
    }

    private static boolean admits(Manifest policy) {
        for (JsonNode rule : policy.body().path("spec").path("ingress")) {
            for (JsonNode peer : rule.path("from")) {
                if ("console".equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int port(Rendering rendering, String service) {
        return rendering.get("Service", "latchkey-" + service).body().path("spec").path("ports").get(0).path("port").asInt();
    }
}
