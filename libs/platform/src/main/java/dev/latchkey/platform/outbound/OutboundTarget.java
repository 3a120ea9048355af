package dev.latchkey.platform.outbound;

import java.net.InetAddress;
import java.net.URI;

/**
 * A URL that passed the guard and the address it was checked at. Connect to {@code address} (sending
 * {@code uri}'s host as Host header and TLS server name) and never follow redirects: resolving the name
 * again could land elsewhere (DNS rebinding), and a redirect could point anywhere.
 */
public record OutboundTarget(URI uri, InetAddress address) {

    /**
     * The URI a client should open: for plain http the checked address itself; for https the name, which
     * the client needs for the certificate's host-name check (it resolves the name again: a DNS-rebinding
     * window accepted for the certificate check, and closed for plain http).
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
