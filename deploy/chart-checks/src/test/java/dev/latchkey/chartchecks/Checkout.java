package dev.latchkey.chartchecks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files are in this checkout: the chart, k8s/, and what the services' builds leave behind. */
final class Checkout {

    static final Path ROOT = Path.of(System.getProperty("latchkey.root", "../..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/latchkey");
    static final Path PRODUCTION_VALUES = ROOT.resolve("helm/examples/production-values.yaml");
    static final Path VAULT_POLICIES = CHART.resolve("vault");
    static final Path K8S_BASE = ROOT.resolve("k8s/base");
    static final Path K8S_OVERLAYS = ROOT.resolve("k8s/overlays");

    private Checkout() {
    }

    /**
     * The OpenAPI document a service's build stores ({@code quarkus.smallrye-openapi.store-schema-directory}).
     * Missing, the check cannot tell what the service serves, and says how to get it.
     */
    static Path openApiDocument(String service) {
        Path document = ROOT.resolve(service).resolve("target/openapi/openapi.json");
        if (!Files.isRegularFile(document)) {
            throw new AssertionError(service + "'s OpenAPI document " + document + " is missing: build the service first ("
                    + "./mvnw -pl " + service + " -am package -DskipTests, or the whole build, which builds the services "
                    + "before deploy/chart-checks)");
        }
        return document;
    }
}
