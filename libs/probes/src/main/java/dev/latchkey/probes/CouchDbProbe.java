package dev.latchkey.probes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache CouchDB over its HTTP API: {@code GET /_session} with basic authentication names the user the credentials
 * sign in (401 when the server refuses them), then {@code GET /} gives the version.
 */
final class CouchDbProbe implements Probe {

    private static final Pattern USER = Pattern.compile("\"userCtx\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*(null|\"[^\"]*\")");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public Set<String> drivers() {
        return Set.of("couchdb");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        URI base = target.checkedUrl("url").connectUri();
        HttpClient client = ProbeHttp.client(target);
        String username = target.required("username");
        String authorization = ProbeHttp.basic(username, target.required("password"));
        HttpResponse<String> session = ProbeHttp.get(client, base, "/_session?basic=true", authorization, target);
        if (session.statusCode() == 401) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
        }
        Matcher user = USER.matcher(session.body());
        if (session.statusCode() != 200 || !user.find()) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the server answered HTTP " + session.statusCode()
                    + " without a CouchDB session; is this the CouchDB URL?");
        }
        if (!user.group(1).equals("\"" + username + "\"")) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server did not sign the user in");
        }
        Matcher version = VERSION.matcher(ProbeHttp.get(client, base, "/", authorization, target).body());
        return "signed in to CouchDB " + (version.find() ? version.group(1) : "(version unknown)") + " as " + username;
    }
}
