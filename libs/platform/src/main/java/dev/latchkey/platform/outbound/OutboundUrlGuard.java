package dev.latchkey.platform.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Guards every outbound URL a tenant can set (token URLs, test requests) against server-side request
 * forgery: https only, and no address inside the platform's own network. The host is resolved once and
 * every address it resolves to is checked, IPv4 and IPv6, including IPv4 addresses embedded in IPv6 ones.
 */
@ApplicationScoped
public class OutboundUrlGuard {

    /** Ranges no tenant may reach: loopback, private, shared (CGNAT), link-local (cloud metadata), unique-local, ... */
    private static final List<AddressRange> FORBIDDEN = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8").stream().map(AddressRange::parse).toList();

    /**
     * IPv6 forms that carry an IPv4 address: compatible, NAT64 and 6to4. (Java already hands an IPv4-mapped
     * address, {@code ::ffff:a.b.c.d}, over as the IPv4 address itself.)
     */
    private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    /** Resolves a host name to all its addresses; replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final List<String> allowedHosts;
    private final List<AddressRange> allowedRanges;
    private final Resolver resolver;

    @Inject
    public OutboundUrlGuard(OutboundConfig config) {
        this(config, InetAddress::getAllByName);
    }

    public OutboundUrlGuard(OutboundConfig config, Resolver resolver) {
        this.allowHttp = config.allowHttp();
        this.allowedHosts = config.allowHosts().orElse(List.of()).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowedRanges = config.allowCidrs().orElse(List.of()).stream().map(AddressRange::parse).toList();
        this.resolver = resolver;
    }

    /**
     * @return the URL with the checked address to connect to
     * @throws RefusedOutboundUrlException when the scheme or any resolved address is not allowed
     */
    public OutboundTarget check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw new RefusedOutboundUrlException("only https URLs are allowed");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedOutboundUrlException("the URL needs a host name and no user information");
        }
        InetAddress[] addresses = checkHost(uri.getHost());
        return new OutboundTarget(uri, addresses[0]);
    }

    /**
     * Resolves {@code host} and checks every address, for protocols without a URL to check (a database, a
     * broker, an SFTP server).
     *
     * @return the checked addresses, the first to connect to
     * @throws RefusedOutboundUrlException when the host does not resolve or any address is internal
     */
    public InetAddress[] checkHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        InetAddress[] addresses = resolve(name);
        if (!allowedHosts.contains(name)) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new RefusedOutboundUrlException("the host resolves to an internal address");
                }
            }
        }
        return addresses;
    }

    private InetAddress[] resolve(String host) {
        try {
            InetAddress[] addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            if (addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new RefusedOutboundUrlException("the host name does not resolve");
        }
    }

    private boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allowedRanges.stream().anyMatch(range -> range.contains(bytes))) {
            return false;
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return isInternal(toInet4(embedded)) || FORBIDDEN.stream().anyMatch(range -> range.contains(bytes));
            }
        }
        return FORBIDDEN.stream().anyMatch(range -> range.contains(bytes))
                || address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress();
    }

    private static byte[] embeddedIpv4(byte[] ipv6) {
        if (NAT64.contains(ipv6)) {
            return Arrays.copyOfRange(ipv6, 12, 16);
        }
        if (COMPATIBLE.contains(ipv6) && !Arrays.equals(ipv6, new byte[16])) {
            return Arrays.copyOfRange(ipv6, 12, 16);
        }
        if (SIX_TO_FOUR.contains(ipv6)) {
            return Arrays.copyOfRange(ipv6, 2, 6);
        }
        return null;
    }

    private static InetAddress toInet4(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
