package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pod the chart runs (the services' Deployments, the Kafka topics Job) meets the restricted Pod Security
 * Standard, has resource requests and limits, and every service has liveness and readiness probes on its health
 * endpoints.
 */
class WorkloadHardeningTest {

    static Stream<Manifest> workloads() {
        return Rendering.everyManifest().filter(manifest -> Set.of("Deployment", "Job").contains(manifest.kind()));
    }

    static Stream<Manifest> deployments() {
        return Rendering.everyManifest().filter(manifest -> manifest.kind().equals("Deployment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void podRunsUnderTheRestrictedPodSecurityStandard(Manifest workload) {
        JsonNode pod = workload.podSpec();
        assertFalse(pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean() || pod.path("hostIPC").asBoolean(),
                workload + " shares a host namespace");
        pod.path("volumes").forEach(volume -> assertTrue(volume.path("hostPath").isMissingNode(),
                workload + " mounts a host path"));
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), workload + ": pod not runAsNonRoot");
        assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText(),
                workload + ": pod without the RuntimeDefault seccomp profile");
        for (JsonNode container : containers(pod)) {
            String name = workload + " container " + container.path("name").asText();
            JsonNode context = container.path("securityContext");
            assertFalse(context.path("allowPrivilegeEscalation").asBoolean(true), name + " may escalate privileges");
            assertFalse(context.path("privileged").asBoolean(), name + " is privileged");
            assertTrue(context.path("readOnlyRootFilesystem").asBoolean(), name + ": root filesystem writable");
            assertTrue(context.path("runAsNonRoot").asBoolean(true), name + " may run as root");
            assertTrue(texts(context.path("capabilities").path("drop")).contains("ALL"), name + " keeps capabilities");
            assertTrue(context.path("capabilities").path("add").isEmpty(), name + " adds capabilities");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void everyContainerRequestsAndLimitsCpuAndMemory(Manifest workload) {
        for (JsonNode container : containers(workload.podSpec())) {
            for (String bound : Set.of("requests", "limits")) {
                for (String resource : Set.of("cpu", "memory")) {
                    assertFalse(container.path("resources").path(bound).path(resource).asText().isEmpty(),
                            () -> workload + " container " + container.path("name").asText() + " has no " + resource + " " + bound);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void serviceIsProbedOnItsHealthEndpoints(Manifest deployment) {
        JsonNode container = deployment.podSpec().path("containers").get(0);
        Set<String> ports = new HashSet<>();
        container.path("ports").forEach(port -> ports.add(port.path("name").asText()));
        assertProbe(deployment, container, "livenessProbe", "/q/health/live", ports);
        assertProbe(deployment, container, "readinessProbe", "/q/health/ready", ports);
    }

    private static void assertProbe(Manifest deployment, JsonNode container, String probe, String path, Set<String> ports) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), deployment + ": " + probe);
        assertTrue(ports.contains(get.path("port").asText()), deployment + ": " + probe + " on a port the container does not declare");
    }

    private static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        assertFalse(containers.isEmpty(), "a pod without containers");
        return containers;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
