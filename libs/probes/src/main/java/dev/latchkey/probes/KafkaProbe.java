package dev.latchkey.probes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.Set;

/**
 * Apache Kafka with the Admin client: describeCluster with the security protocol and SASL mechanism asked for.
 * The SSRF guard checks the bootstrap servers only: the client then follows the addresses the brokers
 * advertise, which the guard cannot see.
 */
final class KafkaProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("kafka");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String protocol = target.optional("securityProtocol").orElse("SASL_SSL").toUpperCase(Locale.ROOT);
        boolean tls = protocol.endsWith("SSL");
        List<InetSocketAddress> bootstrap = bootstrap(target, tls);
        requireOneListening(bootstrap, target);

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",",
                bootstrap.stream().map(a -> ProbeTarget.inUrl(a.getHostString()) + ":" + a.getPort()).toList()));
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "latchkey-probe");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, target.timeoutMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, target.timeoutMillis());
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) target.timeoutMillis());
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) target.timeoutMillis());
        config.put(AdminClientConfig.RETRIES_CONFIG, 0);
        if (protocol.startsWith("SASL")) {
            String mechanism = target.optional("saslMechanism").orElse("SCRAM-SHA-512").toUpperCase(Locale.ROOT);
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            config.put(SaslConfigs.SASL_MECHANISM, mechanism);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaas(target.required("username"))
                    + "\" password=\"" + jaas(target.required("password")) + "\";");
        }
        if (tls && target.optional("caCertificate").isPresent()) {
            config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, target.required("caCertificate"));
        }
        Admin admin = Admin.create(config);
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(target.timeoutMillis()));
            String clusterId = cluster.clusterId().get();
            int brokers = cluster.nodes().get().size();
            return "connected to Kafka cluster " + clusterId + " (" + brokers + (brokers == 1 ? " broker)" : " brokers)");
        } catch (ExecutionException e) {
            throw classified(e.getCause());
        } finally {
            // close() would wait for calls still pending; a probe has nothing left to wait for.
            admin.close(Duration.ZERO);
        }
    }

    private static List<InetSocketAddress> bootstrap(ProbeTarget target, boolean tls) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String server : target.required("bootstrapServers").split(",")) {
            int colon = server.trim().lastIndexOf(':');
            if (colon <= 0) {
                throw new ProbeFailure(FailureCategory.CONFIG, "'" + server.trim() + "' is not host:port");
            }
            String host = server.trim().substring(0, colon).replaceAll("^\\[|]$", "");
            int port;
            try {
                port = Integer.parseInt(server.trim().substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ProbeFailure(FailureCategory.CONFIG, "'" + server.trim() + "' is not host:port");
            }
            // The client checks the broker's certificate against the bootstrap name (ssl.endpoint.identification.algorithm).
            addresses.add(InetSocketAddress.createUnresolved(target.checkedHost(host, tls), port));
        }
        return addresses;
    }

    /** The Admin client retries a refused connection until its timeout; a plain connect tells the user more. */
    private static void requireOneListening(List<InetSocketAddress> bootstrap, ProbeTarget target) throws IOException {
        IOException last = null;
        for (InetSocketAddress address : bootstrap) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), target.timeoutMillis());
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String jaas(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Exception classified(Throwable cause) {
        if (cause instanceof SaslAuthenticationException) {
            return new ProbeFailure(FailureCategory.AUTH_FAILED, "the brokers refused the user name or password");
        }
        if (cause instanceof SslAuthenticationException) {
            return new ProbeFailure(FailureCategory.TLS, "the TLS handshake with the brokers failed");
        }
        if (cause instanceof AuthorizationException) {
            return new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not describe the cluster");
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new ProbeFailure(FailureCategory.TIMEOUT, "no broker answered in time (check the security protocol)");
        }
        return cause instanceof Exception exception ? exception : new ExecutionException(cause);
    }
}
