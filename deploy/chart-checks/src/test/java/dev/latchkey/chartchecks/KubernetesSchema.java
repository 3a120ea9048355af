package dev.latchkey.chartchecks;

import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.JSON;

import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes API's schema, through client-java's models: they are generated from the API's OpenAPI document, and
 * reading JSON into one checks it against its definition first (unknown fields and missing required fields are
 * errors, in nested objects too), then binds it, which checks the types of numbers and quantities. No API server.
 */
final class KubernetesSchema {

    /** Kinds that are not part of the Kubernetes API but of an operator's CRD; their use is checked elsewhere. */
    static final Set<String> CUSTOM_KINDS = Set.of("monitoring.coreos.com/v1 ServiceMonitor");

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    /** The API group of each kind the chart renders: client-java's model names carry the version only. */
    private static final Map<String, String> GROUPS = Map.of(
            "ConfigMap", "", "Service", "", "ServiceAccount", "",
            "Deployment", "apps", "Job", "batch", "HorizontalPodAutoscaler", "autoscaling",
            "PodDisruptionBudget", "policy", "NetworkPolicy", "networking.k8s.io", "Ingress", "networking.k8s.io");

    private KubernetesSchema() {
    }

    static boolean covers(Manifest manifest) {
        return !CUSTOM_KINDS.contains(manifest.apiVersion() + " " + manifest.kind());
    }

    /** @throws AssertionError naming the object and what the schema refuses */
    static void validate(Manifest manifest) {
        Class<?> model = model(manifest);
        try {
            JSON.getGson().fromJson(manifest.body().toString(), model);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new AssertionError(manifest.id() + " does not match the Kubernetes API's " + model.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** apps/v1 Deployment is V1Deployment, autoscaling/v2 HorizontalPodAutoscaler is V2HorizontalPodAutoscaler. */
    private static Class<?> model(Manifest manifest) {
        int slash = manifest.apiVersion().lastIndexOf('/');
        String group = slash < 0 ? "" : manifest.apiVersion().substring(0, slash);
        if (!group.equals(GROUPS.get(manifest.kind()))) {
            throw new AssertionError(manifest.id() + ": " + manifest.kind() + " is not in the API group '" + group
                    + "' (" + (GROUPS.containsKey(manifest.kind()) ? "it is in '" + GROUPS.get(manifest.kind()) + "'"
                    : "a kind this check does not know yet: add it with its group") + ")");
        }
        String version = manifest.apiVersion().substring(slash + 1);
        String className = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + manifest.kind();
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(manifest.id() + ": " + manifest.apiVersion() + " " + manifest.kind()
                    + " is not a kind of the Kubernetes API (no " + className + ")");
        }
    }
}
