package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The chart rendered by {@code helm template} (helm-java), as the objects it produced. Renderings are cached. */
final class Rendering {

    private static final String RELEASE = "latchkey";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Rendering> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final List<Manifest> manifests;

    private Rendering(String name, List<Manifest> manifests) {
        this.name = name;
        this.manifests = manifests;
    }

    /** The chart's default values: what k8s/base holds. */
    static Rendering defaults() {
        return CACHE.computeIfAbsent("defaults", name -> render(name, template()));
    }

    /**
     * helm/examples/production-values.yaml. helm-java's template leaves Helm hooks out of its output, so the Kafka
     * topics Job is rendered as the plain Job it also can be (kafka.topics.hook=false) to be checked at all; the hook
     * differs from it only by its two helm.sh/hook annotations.
     */
    static Rendering production() {
        return CACHE.computeIfAbsent("production", name -> render(name,
                template().withValuesFile(Checkout.PRODUCTION_VALUES).set("kafka.topics.hook", false)));
    }

    /** The default values with the local secret backend (secrets in PostgreSQL) instead of Vault. */
    static Rendering localSecrets() {
        return CACHE.computeIfAbsent("local secrets", name -> render(name, template().set("secrets.backend", "local")));
    }

    static List<Rendering> all() {
        return List.of(defaults(), production());
    }

    /** Every object of both renderings, for parameterized tests. */
    static Stream<Manifest> everyManifest() {
        return all().stream().flatMap(rendering -> rendering.manifests().stream());
    }

    private static TemplateCommand template() {
        return new Helm(Checkout.CHART).template().withName(RELEASE);
    }

    private static Rendering render(String name, TemplateCommand template) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : template.call().split("(?m)^---[ \\t]*$")) {
            String text = withoutSourceLine(document);
            JsonNode body = parse(text);
            if (body != null && !body.isNull() && !body.isMissingNode()) {
                manifests.add(Manifest.of(body, text));
            }
        }
        return new Rendering(name, List.copyOf(manifests));
    }

    /** Helm's "# Source: latchkey/templates/…" line, which says where the object came from and nothing else. */
    private static String withoutSourceLine(String document) {
        return document.lines().filter(line -> !line.startsWith("# Source: ")).collect(Collectors.joining("\n")).strip();
    }

    private static JsonNode parse(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("helm rendered an object that is not YAML:\n" + text, e);
        }
    }

    List<Manifest> manifests() {
        return manifests;
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    Manifest get(String kind, String objectName) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind) && manifest.name().equals(objectName))
                .findFirst().orElseThrow(() -> new AssertionError(this + " has no " + kind + "/" + objectName));
    }

    @Override
    public String toString() {
        return "the chart rendered with its " + (name.equals("defaults") ? "default values" : name + " values");
    }
}
