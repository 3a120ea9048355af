package dev.latchkey.platform.outbound;

import java.net.InetAddress;
import java.net.URI;

/**
 * A URL that passed the guard and the address it was checked at. Connect to {@code address} (sending
 * {@code uri}'s host as Host header and TLS server name) and never follow redirects: resolving the name
 * again could land elsewhere (DNS rebinding), and a redirect could point anywhere.
 */
public record OutboundTarget(URI uri, InetAddress address) {
}
