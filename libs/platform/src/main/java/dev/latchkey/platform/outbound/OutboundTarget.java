package dev.latchkey.platform.outbound;

import java.net.InetAddress;
import java.net.URI;

/**
 * A URL that passed the guard and the address it was checked at. Never follow a redirect: it could point anywhere.
 */
public record OutboundTarget(URI uri, InetAddress address) {

    /**
     * The URI a client should open. For plain http, the checked address itself: pinned, so a second DNS answer
     * cannot point elsewhere (the Host header then carries the address). For https, the name: the JDK HttpClient
     * takes SNI, the certificate check and the Host header from the URI's host and has no resolver hook on Java 17,
     * so it resolves the name again. That second answer is not checked (a DNS-rebinding window, narrowed by the
     * certificate check for the name and closed in a cluster by the egress NetworkPolicy, docs/security.md).
     */
    public URI connectUri() {
        if (uri.getScheme().equalsIgnoreCase("https")) {
            return uri;
        }
        String host = address.getHostAddress();
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return URI.create(uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
