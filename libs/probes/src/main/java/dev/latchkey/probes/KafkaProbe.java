package dev.latchkey.probes;

import dev.latchkey.platform.outbound.RefusedOutboundUrlException;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.ManualMetadataUpdater;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.NetworkClientUtils;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Apache Kafka: one Metadata request to the first bootstrap server that listens, and to no other broker.
 *
 * <p>A Kafka client fetches the cluster's metadata from a bootstrap server and then connects to the addresses the
 * brokers advertise, which whoever runs the broker sets to anything, an internal address included. So the probe
 * talks to the checked bootstrap address only: a {@link NetworkClient} whose one node is that server and whose
 * resolver answers for its name alone, with the address the guard checked (TLS still sends and verifies the
 * name). The answer proves the connection, the TLS handshake and the SASL login; then every broker it advertises
 * must pass the guard too, or the test fails with CONFIG: the connector would go there next.
 */
final class KafkaProbe implements Probe {

    private static final String CLIENT_ID = "latchkey-probe";

    private record Bootstrap(String host, InetAddress address, int port) {
    }

    @Override
    public Set<String> drivers() {
        return Set.of("kafka");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String protocol = target.optional("securityProtocol").orElse("SASL_SSL").toUpperCase(Locale.ROOT);
        Bootstrap bootstrap = firstListening(target);
        Node node = new Node(-1, bootstrap.host(), bootstrap.port());
        Time time = Time.SYSTEM;
        try (Metrics metrics = new Metrics(time);
             NetworkClient client = ClientUtils.createNetworkClient(config(target, protocol, bootstrap), CLIENT_ID, metrics, CLIENT_ID,
                     new LogContext(), new ApiVersions(), time, 1, target.timeoutMillis(), new ManualMetadataUpdater(List.of(node)),
                     name -> onlyTheBootstrap(name, bootstrap))) {
            if (!NetworkClientUtils.awaitReady(client, node, time, target.timeoutMillis())) {
                throw new ProbeFailure(FailureCategory.TIMEOUT, "no broker answered in time (check the security protocol)");
            }
            MetadataResponse metadata = (MetadataResponse) NetworkClientUtils.sendAndReceive(client, client.newClientRequest(
                    node.idString(), new MetadataRequest.Builder(List.of(), false), time.milliseconds(), true), time).responseBody();
            metadata.brokers().forEach(broker -> requireAllowed(broker, target));
            int brokers = metadata.brokers().size();
            return "connected to Kafka cluster " + metadata.clusterId() + " (" + brokers + (brokers == 1 ? " broker)" : " brokers)");
        } catch (SaslAuthenticationException e) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the brokers refused the user name or password");
        } catch (SslAuthenticationException e) {
            throw new ProbeFailure(FailureCategory.TLS, "the TLS handshake with the brokers failed");
        } catch (IOException e) {
            // The TCP connect worked (firstListening): the broker hung up on the first bytes.
            throw new ProbeFailure(FailureCategory.CONFIG, "the broker closed the connection during the handshake (check the security protocol)");
        }
    }

    private static AdminClientConfig config(ProbeTarget target, String protocol, Bootstrap bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ProbeTarget.inUrl(bootstrap.host()) + ":" + bootstrap.port());
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) target.timeoutMillis());
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) target.timeoutMillis());
        if (protocol.startsWith("SASL")) {
            String mechanism = target.optional("saslMechanism").orElse("SCRAM-SHA-512").toUpperCase(Locale.ROOT);
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            config.put(SaslConfigs.SASL_MECHANISM, mechanism);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaas(target.required("username"))
                    + "\" password=\"" + jaas(target.required("password")) + "\";");
        }
        if (protocol.endsWith("SSL") && target.optional("caCertificate").isPresent()) {
            config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, target.required("caCertificate"));
        }
        return new AdminClientConfig(config);
    }

    /** The first bootstrap server that accepts a TCP connection: the client alone would only time out on a closed port. */
    private static Bootstrap firstListening(ProbeTarget target) throws IOException {
        IOException last = null;
        for (String server : target.required("bootstrapServers").split(",")) {
            Bootstrap bootstrap = checked(server.trim(), target);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(bootstrap.address(), bootstrap.port()), target.timeoutMillis());
                return bootstrap;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Bootstrap checked(String server, ProbeTarget target) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            throw new ProbeFailure(FailureCategory.CONFIG, "'" + server + "' is not host:port");
        }
        String host = server.substring(0, colon).replaceAll("^\\[|]$", "");
        try {
            return new Bootstrap(host, target.pinned(host), Integer.parseInt(server.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "'" + server + "' is not host:port");
        }
    }

    private static InetAddress[] onlyTheBootstrap(String name, Bootstrap bootstrap) throws UnknownHostException {
        if (!name.equals(bootstrap.host())) {
            throw new UnknownHostException("only the bootstrap server is contacted");
        }
        return new InetAddress[] {bootstrap.address()};
    }

    private static void requireAllowed(Node broker, ProbeTarget target) {
        try {
            target.pinned(broker.host());
        } catch (RefusedOutboundUrlException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the broker advertises " + ProbeTarget.inUrl(broker.host()) + ":"
                    + broker.port() + ", which is not allowed (" + e.getMessage() + ")");
        }
    }

    private static String jaas(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
