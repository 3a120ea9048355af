package dev.latchkey.probes;

import dev.latchkey.platform.outbound.CappedBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP for probes of systems whose API is HTTP (Elasticsearch, CouchDB, InfluxDB) with java.net.http: no redirects,
 * the probe's timeout, the pasted CA or the JVM's, and at most {@link #MAX_ANSWER} of an answer read.
 * {@link Probes} bounds the time and interrupts the probe on the deadline, which cancels the exchange.
 */
final class ProbeHttp {

    static final long MAX_ANSWER = 64 * 1024;

    private ProbeHttp() {
    }

    static HttpClient client(ProbeTarget target) {
        return HttpClient.newBuilder()
                .connectTimeout(target.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TrustedCertificates.sslContext(target.optional("caCertificate")))
                .build();
    }

    /** {@code GET base + path} with an {@code Authorization} header (null: none). */
    static HttpResponse<String> get(HttpClient client, URI base, String path, String authorization, ProbeTarget target)
            throws Exception {
        String prefix = base.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prefix + path)).timeout(target.timeout()).GET()
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), CappedBody.ofString(MAX_ANSWER));
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
