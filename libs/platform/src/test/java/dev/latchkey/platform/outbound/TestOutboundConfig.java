package dev.latchkey.platform.outbound;

import io.quarkus.runtime.configuration.MemorySize;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** The outbound settings a test names, with the default caps. */
record TestOutboundConfig(boolean allowHttp, List<String> hosts, List<String> cidrs, Optional<String> trustedCertificates)
        implements OutboundConfig {

    TestOutboundConfig(boolean allowHttp, List<String> hosts, List<String> cidrs) {
        this(allowHttp, hosts, cidrs, Optional.empty());
    }

    @Override
    public Optional<List<String>> allowHosts() {
        return Optional.of(hosts);
    }

    @Override
    public Optional<List<String>> allowCidrs() {
        return Optional.of(cidrs);
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
