package dev.latchkey.probes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * InfluxDB 2 and Cloud over the v2 API: {@code GET /api/v2/orgs?org=<org>} with the API token ({@code Authorization:
 * Token}) finds the organization (401: the token is refused; no organization of that name visible to the token: a
 * setting to fix), then, when a bucket is named, {@code GET /api/v2/buckets?org=<org>&name=<bucket>} finds it.
 */
final class InfluxDbProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("influxdb");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        URI base = target.checkedUrl("url").connectUri();
        HttpClient client = ProbeHttp.client(target);
        String authorization = "Token " + target.required("token");
        String org = target.required("org");
        requireListed(ProbeHttp.get(client, base, "/api/v2/orgs?org=" + query(org), authorization, target),
                "\"orgs\"", "organization " + org);
        if (target.optional("bucket").isEmpty()) {
            return "the token reads organization " + org;
        }
        String bucket = target.required("bucket");
        requireListed(ProbeHttp.get(client, base, "/api/v2/buckets?org=" + query(org) + "&name=" + query(bucket), authorization,
                target), "\"buckets\"", "bucket " + bucket);
        return "the token reads bucket " + bucket + " of organization " + org;
    }

    /** A listing that must hold the thing named; why not, when it does not. */
    private static void requireListed(HttpResponse<String> answer, String listName, String what) {
        switch (answer.statusCode()) {
            case 200 -> {
                if (!answer.body().contains(listName)) {
                    throw new ProbeFailure(FailureCategory.CONFIG, "the server's answer is not InfluxDB's; is this the InfluxDB URL?");
                }
                if (!answer.body().contains("\"name\"")) {
                    throw new ProbeFailure(FailureCategory.CONFIG, "no " + what + " the token may see");
                }
            }
            case 401 -> throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the API token");
            case 403 -> throw new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the token may not read " + what);
            case 400, 404 -> throw new ProbeFailure(FailureCategory.CONFIG, "no " + what + " the token may see");
            default -> throw new ProbeFailure(FailureCategory.CONFIG, "the server answered HTTP " + answer.statusCode()
                    + "; is this the InfluxDB URL?");
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
