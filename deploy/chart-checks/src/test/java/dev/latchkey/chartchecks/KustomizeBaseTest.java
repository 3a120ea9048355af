package dev.latchkey.chartchecks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * k8s/base is the chart rendered with its defaults, so kustomize users install what Helm users do. With
 * -Dk8s.regenerate=true the check writes k8s/base instead of comparing.
 */
class KustomizeBaseTest {

    @Test
    void baseIsTheChartRenderedWithItsDefaults() {
        Map<String, String> expected = KustomizeBase.expected(Rendering.defaults());
        if (Boolean.getBoolean("k8s.regenerate")) {
            KustomizeBase.write(expected);
        }
        Map<String, String> committed = KustomizeBase.committed();

        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(expected.keySet());
        names.addAll(committed.keySet());
        for (String name : names) {
            if (!committed.containsKey(name)) {
                differences.add(name + " is missing");
            } else if (!expected.containsKey(name)) {
                differences.add(name + " is not rendered by the chart any more");
            } else if (!expected.get(name).equals(committed.get(name))) {
                differences.add(name + " differs from the rendering, first at line " + firstDifference(expected.get(name), committed.get(name)));
            }
        }
        assertTrue(differences.isEmpty(), "k8s/base is out of step with helm/latchkey:\n" + String.join("\n", differences)
                + "\nRegenerate it: " + KustomizeBase.REGENERATE);
    }

    private static int firstDifference(String expected, String committed) {
        List<String> left = expected.lines().toList();
        List<String> right = committed.lines().toList();
        int line = 0;
        while (line < left.size() && line < right.size() && left.get(line).equals(right.get(line))) {
            line++;
        }
        return line + 1;
    }
}
