package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/** The paths a service really serves, from the OpenAPI document its build stored. */
record ServiceApi(String service, Set<String> paths) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ServiceApi of(String service) {
        try {
            JsonNode document = JSON.readTree(Checkout.openApiDocument(service).toFile());
            Set<String> paths = new TreeSet<>();
            document.path("paths").fieldNames().forEachRemaining(paths::add);
            return new ServiceApi(service, paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + service + "'s OpenAPI document", e);
        }
    }

    /** Whether the service serves the path or anything under it, as an Ingress Prefix rule matches. */
    boolean servesUnder(String prefix) {
        return paths.stream().anyMatch(path -> IngressRoutes.prefixMatches(prefix, path));
    }

    boolean serves(String path) {
        return paths.contains(path);
    }
}
