package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The objects find each other: Services, PodDisruptionBudgets and NetworkPolicies select exactly their service's
 * pods, ports are referred to by names the containers declare, and every name a Deployment, an autoscaler, the
 * Ingress, the ServiceMonitor or an internal URL mentions is an object the chart renders.
 */
class ServiceWiringTest {

    static Stream<Rendering> renderings() {
        return Rendering.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void serviceSelectsItsDeploymentsPodsOnADeclaredPort(Rendering rendering) {
        for (Manifest service : rendering.ofKind("Service")) {
            Manifest deployment = selectedDeployment(rendering, service, service.body().path("spec").path("selector"));
            for (JsonNode port : service.body().path("spec").path("ports")) {
                JsonNode containerPort = containerPort(deployment, port.path("targetPort").asText());
                assertEquals(containerPort.path("containerPort").asInt(), port.path("port").asInt(),
                        service + " listens on another port than its pods");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void deploymentUsesItsOwnServiceAccountConfigMapAndLabels(Rendering rendering) {
        for (Manifest deployment : rendering.ofKind("Deployment")) {
            assertTrue(matches(deployment.body().path("spec").path("selector").path("matchLabels"), podLabels(deployment)),
                    deployment + " does not select its own pods");
            rendering.get("ServiceAccount", deployment.podSpec().path("serviceAccountName").asText());
            for (JsonNode source : deployment.podSpec().path("containers").get(0).path("envFrom")) {
                rendering.get("ConfigMap", source.path("configMapRef").path("name").asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void autoscalerScalesADeploymentThatLeavesItsReplicasToIt(Rendering rendering) {
        for (Manifest autoscaler : rendering.ofKind("HorizontalPodAutoscaler")) {
            Manifest deployment = rendering.get("Deployment", autoscaler.body().path("spec").path("scaleTargetRef").path("name").asText());
            assertTrue(deployment.body().path("spec").path("replicas").isMissingNode(),
                    deployment + " sets replicas although " + autoscaler + " scales it: every upgrade would reset them");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void disruptionBudgetAndNetworkPolicySelectOneServicesPods(Rendering rendering) {
        for (Manifest budget : rendering.ofKind("PodDisruptionBudget")) {
            selectedDeployment(rendering, budget, budget.body().path("spec").path("selector").path("matchLabels"));
        }
        for (Manifest policy : rendering.ofKind("NetworkPolicy")) {
            Manifest deployment = selectedDeployment(rendering, policy, policy.body().path("spec").path("podSelector").path("matchLabels"));
            for (JsonNode rule : policy.body().path("spec").path("ingress")) {
                rule.path("ports").forEach(port -> containerPort(deployment, port.path("port").asText()));
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                        selectedDeployment(rendering, policy, peer.path("podSelector").path("matchLabels"));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void ingressBackendsAreServicePorts(Rendering rendering) {
        for (Manifest ingress : rendering.ofKind("Ingress")) {
            for (JsonNode rule : ingress.body().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    Manifest service = rendering.get("Service", backend.path("name").asText());
                    assertTrue(portNames(service).contains(backend.path("port").path("name").asText()),
                            ingress + " sends " + path.path("path").asText() + " to a port " + service + " does not have");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void serviceMonitorScrapesEveryService(Rendering rendering) {
        for (Manifest monitor : rendering.ofKind("ServiceMonitor")) {
            JsonNode spec = monitor.body().path("spec");
            for (Manifest service : rendering.ofKind("Service")) {
                assertTrue(matches(spec.path("selector").path("matchLabels"), service.labels()), monitor + " misses " + service);
                for (JsonNode endpoint : spec.path("endpoints")) {
                    assertTrue(portNames(service).contains(endpoint.path("port").asText()), monitor + ": no such port on " + service);
                    assertEquals("/q/metrics", endpoint.path("path").asText(), monitor + " scrapes another path than /q/metrics");
                }
            }
        }
    }

    /** connected-apps-service reaches token-refresher by a URL in its settings: it must name token-refresher's Service. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void internalUrlsNameRenderedServices(Rendering rendering) {
        Set<String> found = new HashSet<>();
        for (Manifest configMap : rendering.ofKind("ConfigMap")) {
            for (Map.Entry<String, String> setting : Manifest.strings(configMap.body().path("data")).entrySet()) {
                if (setting.getKey().startsWith("QUARKUS_REST_CLIENT_") && setting.getKey().endsWith("_URL")) {
                    URI url = URI.create(setting.getValue());
                    Manifest service = rendering.get("Service", url.getHost());
                    assertTrue(service.body().path("spec").path("ports").findValuesAsText("port").contains(String.valueOf(url.getPort())),
                            configMap + ": " + setting.getKey() + " names a port " + service + " does not serve");
                    found.add(setting.getKey());
                }
            }
        }
        assertFalse(found.isEmpty(), "no service calls another: connected-apps-service's token-refresher URL is missing");
    }

    private static Manifest selectedDeployment(Rendering rendering, Manifest selector, JsonNode matchLabels) {
        assertFalse(matchLabels.isEmpty(), selector + " selects every pod");
        List<Manifest> selected = rendering.ofKind("Deployment").stream()
                .filter(deployment -> matches(matchLabels, podLabels(deployment))).toList();
        assertEquals(1, selected.size(), () -> selector + " selects the pods of " + selected + " instead of one Deployment's");
        return selected.get(0);
    }

    private static boolean matches(JsonNode matchLabels, Map<String, String> labels) {
        return Manifest.strings(matchLabels).entrySet().stream()
                .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
    }

    private static Map<String, String> podLabels(Manifest deployment) {
        return Manifest.strings(deployment.body().path("spec").path("template").path("metadata").path("labels"));
    }

    private static JsonNode containerPort(Manifest deployment, String name) {
        for (JsonNode port : deployment.podSpec().path("containers").get(0).path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port;
            }
        }
        throw new AssertionError(deployment + " has no container port named '" + name + "'");
    }

    private static Set<String> portNames(Manifest service) {
        return new HashSet<>(service.body().path("spec").path("ports").findValuesAsText("name"));
    }
}
