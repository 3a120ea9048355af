package dev.latchkey.chartchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * k8s/base: the chart rendered with its default values, one file per service with its objects (latchkey.yaml for
 * what they share), and a kustomization.yaml listing them.
 */
final class KustomizeBase {

    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String REGENERATE = "./mvnw -B -pl deploy/chart-checks verify -Dk8s.regenerate=true";

    private static final String HEADER = """
            # Rendered from helm/latchkey with its default values by deploy/chart-checks. Do not edit: change the chart,
            # then regenerate (k8s/README.md).
            """;

    private KustomizeBase() {
    }

    /** The files k8s/base must hold, by name, in the order helm installs their objects. */
    static Map<String, String> expected(Rendering rendering) {
        Map<String, List<Manifest>> byComponent = rendering.manifests().stream()
                .collect(Collectors.groupingBy(Manifest::component, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> files = new TreeMap<>();
        byComponent.forEach((component, manifests) -> files.put(component + ".yaml", HEADER
                + manifests.stream().map(Manifest::text).collect(Collectors.joining("\n---\n")) + "\n"));
        files.put(KUSTOMIZATION, kustomization(files.keySet()));
        return files;
    }

    private static String kustomization(Iterable<String> resources) {
        StringBuilder text = new StringBuilder(HEADER).append("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                """);
        resources.forEach(resource -> text.append("  - ").append(resource).append('\n'));
        return text.toString();
    }

    /** The YAML files in k8s/base now. */
    static Map<String, String> committed() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(Checkout.K8S_BASE)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(Checkout.K8S_BASE)) {
            for (Path path : paths.filter(path -> path.getFileName().toString().endsWith(".yaml")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Checkout.K8S_BASE, e);
        }
    }

    /** Replaces k8s/base's YAML files by these. */
    static void write(Map<String, String> files) {
        try {
            Files.createDirectories(Checkout.K8S_BASE);
            for (String stale : committed().keySet()) {
                if (!files.containsKey(stale)) {
                    Files.delete(Checkout.K8S_BASE.resolve(stale));
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(Checkout.K8S_BASE.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Checkout.K8S_BASE, e);
        }
    }
}
