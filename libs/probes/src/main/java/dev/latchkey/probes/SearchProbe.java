package dev.latchkey.probes;

import dev.latchkey.platform.outbound.OutboundTarget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Elasticsearch and OpenSearch over their REST API with java.net.http: {@code GET /} with the API key or the
 * user and password, which answers with the version. A user without the monitor privilege gets 403 there, so
 * the probe then asks the security plugin who the user is, which any authenticated user may ({@link ProbeHttp}).
 */
final class SearchProbe implements Probe {

    private static final Pattern VERSION = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public Set<String> drivers() {
        return Set.of("elasticsearch", "opensearch");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        OutboundTarget checked = target.checkedUrl("url");
        URI base = checked.connectUri();
        HttpClient client = ProbeHttp.client(target);
        HttpResponse<String> root = get(client, base, "/", target);
        switch (root.statusCode()) {
            case 200 -> {
                Matcher version = VERSION.matcher(root.body());
                return "connected to " + target.driver() + " " + (version.find() ? version.group(1) : "(version unknown)");
            }
            case 401 -> throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the credentials");
            case 403 -> {
                String whoAmI = target.driver().equals("opensearch") ? "/_plugins/_security/authinfo" : "/_security/_authenticate";
                if (get(client, base, whoAmI, target).statusCode() == 200) {
                    return "the credentials are valid; the user may not read the cluster's version (no monitor privilege)";
                }
                throw new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the server accepted the credentials but refused the request");
            }
            default -> throw new ProbeFailure(FailureCategory.CONFIG, "the server answered HTTP " + root.statusCode() + "; is this the "
                    + target.driver() + " URL?");
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI base, String path, ProbeTarget target) throws Exception {
        String authorization = target.optional("apiKey").map(key -> "ApiKey " + key).orElseGet(() -> target.optional("username")
                .map(user -> ProbeHttp.basic(user, target.optional("password").orElse(""))).orElse(null));
        return ProbeHttp.get(client, base, path, authorization, target);
    }
}
