package dev.latchkey.chartchecks;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code helm lint --strict}: the chart is well formed and its default values pass values.schema.json. */
class ChartLintTest {

    @Test
    void chartPassesStrictLint() {
        LintResult lint = new Helm(Checkout.CHART).lint().strict().call();

        assertFalse(lint.isFailed(), () -> "helm lint --strict " + Checkout.CHART + ":\n" + String.join("\n", lint.getMessages()));
    }
}
