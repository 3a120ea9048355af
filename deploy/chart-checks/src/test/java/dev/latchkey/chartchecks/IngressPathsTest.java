package dev.latchkey.chartchecks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Ingress routes exactly what the services serve, read from the OpenAPI documents their builds store: every
 * routed prefix is served by its service, every public path of every service reaches a service that serves it, and
 * nothing internal (token-refresher's on-demand refresh) is routed.
 */
class IngressPathsTest {

    private static final String INTERNAL = "/internal";

    private static IngressRoutes ingress;
    private static Map<String, ServiceApi> apis;

    @BeforeAll
    static void readRoutesAndApis() {
        ingress = IngressRoutes.of(Rendering.defaults());
        apis = new LinkedHashMap<>();
        for (Manifest deployment : Rendering.defaults().ofKind("Deployment")) {
            apis.put(deployment.component(), ServiceApi.of(deployment.component()));
        }
    }

    @Test
    void everyRoutedPrefixIsServedByItsService() {
        List<String> wrong = new ArrayList<>();
        for (IngressRoutes.Route route : ingress.routes()) {
            if (!apis.get(route.service()).servesUnder(route.prefix())) {
                wrong.add(route.prefix() + " goes to " + route.service() + ", which serves nothing under it (it serves "
                        + apis.get(route.service()).paths() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), "the Ingress routes paths their services do not serve:\n" + String.join("\n", wrong));
    }

    @Test
    void everyPublicPathReachesAServiceThatServesIt() {
        List<String> wrong = new ArrayList<>();
        for (ServiceApi api : apis.values()) {
            for (String path : api.paths()) {
                if (IngressRoutes.prefixMatches(INTERNAL, path)) {
                    continue;
                }
                Optional<IngressRoutes.Route> route = ingress.routeOf(path);
                if (route.isEmpty()) {
                    wrong.add(api.service() + " serves " + path + ", which the Ingress does not route");
                } else if (!apis.get(route.get().service()).serves(path)) {
                    wrong.add(path + " (" + api.service() + ") goes to " + route.get().service() + ", which does not serve it");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "public paths the Ingress misroutes:\n" + String.join("\n", wrong));
    }

    @Test
    void internalPathsStayInside() {
        for (ServiceApi api : apis.values()) {
            // The console's "/" catches whatever no service's prefix does: an internal path may reach it, never its service.
            api.paths().stream().filter(path -> IngressRoutes.prefixMatches(INTERNAL, path)).forEach(path ->
                    assertEquals(Optional.of("console"), ingress.routeOf(path).map(IngressRoutes.Route::service),
                            api.service() + "'s " + path + " is routed to a service"));
        }
        assertTrue(ingress.routes().stream().noneMatch(route -> route.service().equals("token-refresher")),
                "the Ingress routes to token-refresher, which is internal");
    }
}
