package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One overlay under k8s/overlays, read the way kustomize reads it: the resources it builds on, the images it
 * renames, and each patch with the base objects it targets.
 */
record KustomizeOverlay(Path directory, JsonNode kustomization) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A patch's content and the objects its target selects (kind, name as a regular expression, labels). */
    record Patch(String source, JsonNode content, Predicate<Manifest> target) {
    }

    static KustomizeOverlay read(Path directory) {
        return new KustomizeOverlay(directory, yaml(directory.resolve(KustomizeBase.KUSTOMIZATION)));
    }

    String name() {
        return directory.getFileName().toString();
    }

    List<String> resources() {
        return texts(kustomization.path("resources"));
    }

    List<String> imageNames() {
        return kustomization.path("images").findValuesAsText("name");
    }

    List<Patch> patches() {
        List<Patch> patches = new ArrayList<>();
        for (JsonNode entry : kustomization.path("patches")) {
            String source = entry.has("path") ? entry.path("path").asText() : "the inline patch of " + entry.path("target");
            JsonNode content = entry.has("path") ? yaml(directory.resolve(entry.path("path").asText()))
                    : parse(entry.path("patch").asText(), source);
            patches.add(new Patch(name() + ": " + source, content, target(entry.path("target"), content)));
        }
        return patches;
    }

    /** A target, or else the object a strategic merge patch names itself. */
    private static Predicate<Manifest> target(JsonNode target, JsonNode content) {
        if (target.isMissingNode()) {
            String kind = content.path("kind").asText();
            String name = content.path("metadata").path("name").asText();
            return manifest -> manifest.kind().equals(kind) && manifest.name().equals(name);
        }
        Predicate<Manifest> selected = manifest -> true;
        if (target.has("kind")) {
            selected = selected.and(manifest -> manifest.kind().equals(target.path("kind").asText()));
        }
        if (target.has("name")) {
            selected = selected.and(manifest -> manifest.name().matches(target.path("name").asText()));
        }
        if (target.has("labelSelector")) {
            var labels = LabelSelector.parse(target.path("labelSelector").asText());
            selected = selected.and(manifest -> labels.test(manifest.labels()));
        }
        return selected;
    }

    @Override
    public String toString() {
        return name();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing");
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parse(String text, String source) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
