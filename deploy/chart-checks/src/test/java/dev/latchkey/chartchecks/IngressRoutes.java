package dev.latchkey.chartchecks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The Ingress' rules as the controller applies them: Prefix paths, matched by whole segments, the longest wins. */
final class IngressRoutes {

    /** A path prefix and the Latchkey service (app.kubernetes.io/name) its backend Service belongs to. */
    record Route(String prefix, String service) {
    }

    private final List<Route> routes;

    private IngressRoutes(List<Route> routes) {
        this.routes = routes;
    }

    static IngressRoutes of(Rendering rendering) {
        List<Route> routes = new ArrayList<>();
        for (Manifest ingress : rendering.ofKind("Ingress")) {
            for (JsonNode rule : ingress.body().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    if (!path.path("pathType").asText().equals("Prefix")) {
                        throw new AssertionError(ingress + " routes " + path.path("path").asText() + " with pathType "
                                + path.path("pathType").asText() + "; these checks, and the chart, use Prefix");
                    }
                    Manifest service = rendering.get("Service", path.path("backend").path("service").path("name").asText());
                    routes.add(new Route(path.path("path").asText(), service.component()));
                }
            }
        }
        return new IngressRoutes(List.copyOf(routes));
    }

    List<Route> routes() {
        return routes;
    }

    /** The route a request for the path takes, if any. */
    Optional<Route> routeOf(String path) {
        return routes.stream().filter(route -> prefixMatches(route.prefix(), path))
                .max(Comparator.comparingInt(route -> route.prefix().length()));
    }

    /** Kubernetes' Prefix match: /connect matches /connect and /connect/x, never /connect-sessions. */
    static boolean prefixMatches(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(trimmed) || path.startsWith(trimmed + "/");
    }
}
