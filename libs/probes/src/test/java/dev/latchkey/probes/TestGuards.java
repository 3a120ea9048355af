package dev.latchkey.probes;

import dev.latchkey.platform.outbound.OutboundConfig;
import io.quarkus.runtime.configuration.MemorySize;
import dev.latchkey.platform.outbound.OutboundUrlGuard;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** SSRF guards for tests: the servers here listen on loopback, which only an explicit allow-list opens. */
final class TestGuards {

    private TestGuards() {
    }

    static OutboundUrlGuard allowingLoopback() {
        return new OutboundUrlGuard(new Config(Optional.of(List.of("127.0.0.0/8"))));
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
        public MemorySize maxTokenResponse() {
            return new MemorySize(BigInteger.valueOf(64 * 1024));
        }

        @Override
        public MemorySize maxResponse() {
            return new MemorySize(BigInteger.valueOf(1024 * 1024));
        }
    }
}
