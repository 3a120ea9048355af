package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Kubernetes object the chart rendered: its identity, its content as a tree, and its text as rendered (with the
 * template's comments), which k8s/base keeps.
 */
record Manifest(String apiVersion, String kind, String name, JsonNode body, String text) {

    static Manifest of(JsonNode body, String text) {
        return new Manifest(body.path("apiVersion").asText(), body.path("kind").asText(),
                body.path("metadata").path("name").asText(), body, text);
    }

    /** {@code Deployment/latchkey-auth-config-service}: how failures name it. */
    String id() {
        return kind + "/" + name;
    }

    Map<String, String> labels() {
        return strings(body.path("metadata").path("labels"));
    }

    /** The {@code app.kubernetes.io/name} label: the service the object belongs to, or {@code latchkey}. */
    String component() {
        return labels().getOrDefault("app.kubernetes.io/name", "latchkey");
    }

    /** The pod template of a Deployment or a Job. */
    JsonNode podSpec() {
        return body.path("spec").path("template").path("spec");
    }

    /** The first container's environment variable {@code name} ({@code value} or {@code valueFrom}). */
    JsonNode variable(String name) {
        for (JsonNode variable : podSpec().path("containers").get(0).path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError(this + " has no variable " + name);
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new TreeMap<>();
        object.fields().forEachRemaining(field -> strings.put(field.getKey(), field.getValue().asText()));
        return strings;
    }

    @Override
    public String toString() {
        return id();
    }
}
