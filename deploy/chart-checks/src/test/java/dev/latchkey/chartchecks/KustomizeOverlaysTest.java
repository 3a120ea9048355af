package dev.latchkey.chartchecks;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev and prod overlays still fit the base after the chart changes, checked without kustomize: each builds on
 * k8s/base, renames images the base runs, and each patch targets base objects and operates on paths they have
 * (kustomize fails on a JSON patch that replaces or removes what is not there).
 */
class KustomizeOverlaysTest {

    static Stream<KustomizeOverlay> overlays() throws IOException {
        try (Stream<Path> directories = Files.list(Checkout.K8S_OVERLAYS)) {
            return directories.filter(Files::isDirectory).sorted().map(KustomizeOverlay::read).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayBuildsOnTheBase(KustomizeOverlay overlay) {
        assertTrue(overlay.resources().contains("../../base"), overlay.name() + " does not build on k8s/base");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayRenamesImagesTheBaseRuns(KustomizeOverlay overlay) {
        Set<String> images = Rendering.defaults().ofKind("Deployment").stream()
                .map(deployment -> deployment.podSpec().path("containers").get(0).path("image").asText().replaceFirst(":[^:/]+$", ""))
                .collect(Collectors.toSet());
        for (String image : overlay.imageNames()) {
            assertTrue(images.contains(image), overlay.name() + " renames " + image + ", which the base does not run: " + images);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void patchesApplyToBaseObjects(KustomizeOverlay overlay) {
        for (KustomizeOverlay.Patch patch : overlay.patches()) {
            List<Manifest> targets = Rendering.defaults().manifests().stream().filter(patch.target()).toList();
            assertFalse(targets.isEmpty(), patch.source() + " targets no object of the base");
            if (patch.content().isArray()) {
                targets.forEach(target -> patch.content().forEach(operation -> assertApplies(patch, target, operation)));
            }
        }
    }

    /** JSON patch (RFC 6902): replace, remove and test need the path; add needs its parent. */
    private static void assertApplies(KustomizeOverlay.Patch patch, Manifest target, JsonNode operation) {
        String op = operation.path("op").asText();
        JsonPointer path = JsonPointer.compile(operation.path("path").asText());
        JsonPointer needed = op.equals("add") ? path.head() : path;
        assertFalse(target.body().at(needed).isMissingNode(),
                patch.source() + ": " + op + " " + path + " on " + target + ", which has no " + needed);
    }
}
