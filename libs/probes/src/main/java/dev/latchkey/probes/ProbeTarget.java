package dev.latchkey.probes;

import dev.latchkey.platform.outbound.OutboundTarget;
import dev.latchkey.platform.outbound.OutboundUrlGuard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a probe connects to: the parameters the user entered (secret ones included) and the SSRF guard that
 * every host must pass before a probe opens a connection to it.
 */
public final class ProbeTarget {

    /** The catalog's secret parameter names, across all native entries. */
    static final Set<String> SECRET_NAMES = Set.of(
            "password", "token", "apiKey", "privateKey", "privateKeyPassphrase", "secretAccessKey", "sessionToken",
            "connectionString", "serviceAccountKey");

    private final String driver;
    private final Map<String, Object> parameters;
    private final OutboundUrlGuard guard;
    private final Duration timeout;

    public ProbeTarget(String driver, Map<String, Object> parameters, OutboundUrlGuard guard, Duration timeout) {
        this.driver = driver;
        this.parameters = Map.copyOf(parameters);
        this.guard = guard;
        this.timeout = timeout;
    }

    /** The catalog driver asked for, for a probe that serves several ({@code mysql} or {@code mariadb}). */
    public String driver() {
        return driver;
    }

    /** How long the probe may take in all; pass it on as the client's connect and read timeouts. */
    public Duration timeout() {
        return timeout;
    }

    /** The timeout in whole milliseconds, for clients that take an int. */
    public int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** The timeout in whole seconds, at least one, for clients that count in seconds (JDBC, MQTT). */
    public int timeoutSeconds() {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    /** A parameter the probe cannot do without. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new ProbeFailure(FailureCategory.CONFIG, "'" + name + "' is required"));
    }

    public Optional<String> optional(String name) {
        Object value = parameters.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    public int integer(String name, int fallback) {
        String value = optional(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "'" + name + "' must be a whole number");
        }
    }

    public boolean flag(String name, boolean fallback) {
        return optional(name).map(Boolean::parseBoolean).orElse(fallback);
    }

    /**
     * The address to connect to for {@code host}, after the SSRF guard has checked every address it resolves
     * to. Connecting to the checked address, not the name, keeps a second DNS answer from pointing elsewhere.
     */
    public String checkedAddress(String host) {
        return pinned(host).getHostAddress();
    }

    /**
     * The first address the guard checked for {@code host}, carrying {@code host} as its name without a second
     * lookup. A client connecting to it reaches the checked address, and its TLS layer sends and verifies the
     * name (SNI, certificate host name): for clients that take a resolver (Kafka, MongoDB).
     */
    public InetAddress pinned(String host) {
        try {
            return InetAddress.getByAddress(host, guard.checkHost(host)[0].getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a checked address has a valid length", e);
        }
    }

    /**
     * What to hand a client library without a resolver hook as the host: the checked address, or, when the client
     * verifies the TLS certificate against the host name, the name itself once the guard has passed it. A client
     * given an IP address would check the certificate against the address and fail; the price of keeping the name
     * is that the client resolves it again, so a DNS answer changed in the meantime (rebinding) is not checked.
     */
    public String checkedHost(String host, boolean tlsVerifiesHostName) {
        String address = checkedAddress(host);
        return tlsVerifiesHostName ? host : address;
    }

    /** A URL parameter checked as the guard checks every outbound URL: https only (unless allowed) and no internal address. */
    public OutboundTarget checkedUrl(String name) {
        try {
            return checked(URI.create(required(name)));
        } catch (IllegalArgumentException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "'" + name + "' is not a valid URL");
        }
    }

    /** A URL made of parameters (a connection string's endpoint), checked as {@link #checkedUrl} checks one. */
    public OutboundTarget checked(URI url) {
        return guard.check(url);
    }

    /** An IP address as it appears in a URL or a host:port pair: IPv6 in brackets. */
    public static String inUrl(String address) {
        return address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    /** The values of the secret parameters, so that no message repeats one. */
    List<String> secretValues() {
        return SECRET_NAMES.stream().map(this::optional).flatMap(Optional::stream).toList();
    }
}
