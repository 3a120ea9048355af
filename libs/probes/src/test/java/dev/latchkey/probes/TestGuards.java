package dev.latchkey.probes;

import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.platform.outbound.OutboundConfig;
import dev.latchkey.platform.outbound.OutboundUrlGuard;
import io.quarkus.runtime.configuration.MemorySize;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** SSRF guards for tests: the servers here listen on loopback, which only an explicit allow-list opens. */
final class TestGuards {

    private TestGuards() {
    }

    static OutboundUrlGuard allowingLoopback() {
        return new OutboundUrlGuard(new Config(Optional.of(List.of("127.0.0.0/8"))));
    }

    /** Requests through a guard that allows loopback. */
    static GuardedHttp http() {
        return new GuardedHttp(allowingLoopback(), new Config(Optional.of(List.of("127.0.0.0/8"))));
    }

    /** A guard that opens only {@code cidr}: the rest of loopback stays refused. */
    static OutboundUrlGuard allowingOnly(String cidr) {
        return new OutboundUrlGuard(new Config(Optional.of(List.of(cidr))));
    }

    /**
     * Loopback allowed, and {@code name} resolving to 127.0.0.1 for the guard alone: the system's resolver does not
     * know the name, so a client that resolves it again, instead of connecting to the address the guard checked,
     * fails.
     */
    static OutboundUrlGuard resolvingForTheGuardOnly(String name) {
        return new OutboundUrlGuard(new Config(Optional.of(List.of("127.0.0.0/8"))),
                host -> host.equals(name) ? new InetAddress[] {InetAddress.getLoopbackAddress()} : InetAddress.getAllByName(host));
    }

    /** All probes behind {@link #resolvingForTheGuardOnly}. */
    static Probes probesResolvingForTheGuardOnly(String name) {
        return Probes.all(resolvingForTheGuardOnly(name));
    }

    static OutboundUrlGuard productionDefaults() {
        return new OutboundUrlGuard(new Config(Optional.empty()));
    }

    /** All probes behind a guard that lets them reach this machine's servers. */
    static Probes loopbackProbes() {
        return Probes.all(allowingLoopback());
    }

    private record Config(Optional<List<String>> allowCidrs) implements OutboundConfig {
        @Override
        public boolean allowHttp() {
            return true;
        }

        @Override
        public Optional<List<String>> allowHosts() {
            return Optional.empty();
        }

        @Override
        public Optional<String> trustedCertificates() {
            return Optional.empty();
        }

        @Override
        public MemorySize maxTokenResponse() {
            return new MemorySize(BigInteger.valueOf(64 * 1024));
        }

        @Override
        public MemorySize maxResponse() {
            return new MemorySize(BigInteger.valueOf(1024 * 1024));
        }
    }
}
