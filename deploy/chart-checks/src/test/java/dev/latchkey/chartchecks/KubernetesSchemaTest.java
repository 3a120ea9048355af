package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every object the chart renders, with its defaults and with the production values, is valid against the
 * Kubernetes API's schema. A schema check, not an install: no API server runs here.
 */
class KubernetesSchemaTest {

    static Stream<Manifest> kubernetesObjects() {
        return Rendering.everyManifest().filter(KubernetesSchema::covers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubernetesObjects")
    void renderedObjectMatchesTheKubernetesApi(Manifest manifest) {
        KubernetesSchema.validate(manifest);
    }

    @Test
    void onlyPrometheusOperatorsServiceMonitorIsOutsideTheKubernetesApi() {
        assertEquals(1, Rendering.production().manifests().stream().filter(manifest -> !KubernetesSchema.covers(manifest)).count());
        assertTrue(Rendering.defaults().manifests().stream().allMatch(KubernetesSchema::covers));
    }

    /** The check is only worth something if it refuses what the API server would. */
    @Test
    void unknownFieldIsRefused() {
        Manifest deployment = deployment();
        ((ObjectNode) deployment.body().path("spec")).put("replica", 2);

        assertThrows(AssertionError.class, () -> KubernetesSchema.validate(deployment));
    }

    @Test
    void missingRequiredFieldIsRefused() {
        Manifest deployment = deployment();
        ((ObjectNode) deployment.podSpec().path("containers").get(0)).remove("name");

        assertThrows(AssertionError.class, () -> KubernetesSchema.validate(deployment));
    }

    @Test
    void wrongTypeIsRefused() {
        Manifest deployment = deployment();
        ((ArrayNode) deployment.podSpec().path("containers").get(0).path("ports")).addObject().put("containerPort", "http");

        assertThrows(AssertionError.class, () -> KubernetesSchema.validate(deployment));
    }

    /** A copy, so that the cached rendering stays as helm made it. */
    private static Manifest deployment() {
        Manifest rendered = Rendering.defaults().ofKind("Deployment").get(0);
        return Manifest.of(rendered.body().deepCopy(), rendered.text());
    }
}
