package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No secret is ever part of the rendered chart: ConfigMaps hold settings only, every variable that carries a
 * password, client secret or key comes from a Secret the operator created, and the chart creates no Secret itself.
 */
class SecretHandlingTest {

    /**
     * Names that say a value is secret: QUARKUS_DATASOURCE_PASSWORD, LATCHKEY_OIDC_CLIENT_SECRET, KAFKA_SASL_JAAS_CONFIG.
     * Not LATCHKEY_MASTER_KEY_FILE or QUARKUS_OIDC_TOKEN_AUDIENCE: where a secret is, or a setting about one.
     */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(.*_)?(PASSWORD|SECRET|TOKEN|MASTER_KEY|PRIVATE_KEY|API_KEY|CREDENTIALS?)|.*JAAS.*", Pattern.CASE_INSENSITIVE);
    /** Values that are secrets, whatever they are called: credentials in a URL, a PEM key, a Tink keyset, a password. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s).*(://[^/@\\s]+:[^/@\\s]+@|-----BEGIN|keyMaterialType|password\\s*=\\s*(\"[^\"]+\"|[^\"\\s;]+)).*",
            Pattern.CASE_INSENSITIVE);
    /** A reference Kubernetes expands from another variable of the container: $(NAME). */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    static Stream<Manifest> configMaps() {
        return Rendering.everyManifest().filter(manifest -> manifest.kind().equals("ConfigMap"));
    }

    static Stream<Manifest> workloads() {
        return Rendering.everyManifest().filter(manifest -> Set.of("Deployment", "Job").contains(manifest.kind()));
    }

    static Stream<Rendering> renderings() {
        return Rendering.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configMaps")
    void configMapHoldsNoSecret(Manifest configMap) {
        for (Map.Entry<String, String> entry : Manifest.strings(configMap.body().path("data")).entrySet()) {
            String key = entry.getKey();
            assertFalse(SECRET_NAME.matcher(key).matches(),
                    configMap + " holds " + key + ", a secret: it belongs in a Secret (secretKeyRef or a mounted file)");
            assertFalse(SECRET_VALUE.matcher(entry.getValue()).matches(), configMap + ": the value of " + key + " is a secret");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void secretVariablesComeFromSecrets(Manifest workload) {
        for (JsonNode container : workload.podSpec().path("containers")) {
            Set<String> fromSecrets = new HashSet<>();
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                String where = workload + " container " + container.path("name").asText() + " variable " + name;
                if (!variable.path("valueFrom").path("secretKeyRef").isMissingNode()) {
                    fromSecrets.add(name);
                } else if (SECRET_NAME.matcher(name).matches()) {
                    assertOnlyReferencesSecrets(where, variable.path("value").asText(), fromSecrets);
                } else {
                    assertFalse(SECRET_VALUE.matcher(variable.path("value").asText()).matches(), where + " holds a secret");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void chartCreatesNoSecret(Rendering rendering) {
        assertTrue(rendering.ofKind("Secret").isEmpty(), rendering + " creates a Secret: secrets are the operator's, by name");
    }

    /** A variable like KAFKA_SASL_JAAS_CONFIG may be assembled from $(...) references to Secret-backed variables. */
    private static void assertOnlyReferencesSecrets(String where, String value, Set<String> fromSecrets) {
        var references = REFERENCE.matcher(value);
        boolean any = false;
        while (references.find()) {
            any = true;
            if (!fromSecrets.contains(references.group(1))) {
                fail(where + " refers to $(" + references.group(1) + "), which is not read from a Secret before it");
            }
        }
        if (!any) {
            fail(where + " holds a literal secret: read it with secretKeyRef");
        }
        assertFalse(SECRET_VALUE.matcher(REFERENCE.matcher(value).replaceAll("")).matches(), where + " holds a literal secret");
    }
}
