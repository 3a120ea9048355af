package dev.latchkey.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real Kafka broker for tests: the one named by {@code KAFKA_BOOTSTRAP} when set (as
 * {@code ./latchkey test} does), otherwise a single-node KRaft broker started inside this JVM
 * on free loopback ports with its data in a temporary directory.
 */
public final class KafkaTestBroker implements AutoCloseable {

    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP";
    /** The user a SASL broker knows, with this password, for PLAIN and SCRAM-SHA-512 alike. */
    public static final String SASL_USER = "probe";
    public static final String SASL_PASSWORD = "probe-secret-4a7d";

    /** The broker's INFO chatter would drown the test output; held so the levels are not collected away. */
    private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"));

    static {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private final String bootstrapServers;
    private final String saslBootstrapServers;
    private final KafkaConfig config;
    private final Path dataDir;
    private KafkaRaftServer embedded;

    private KafkaTestBroker(String bootstrapServers, String saslBootstrapServers, KafkaConfig config, KafkaRaftServer embedded,
            Path dataDir) {
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
        this.config = config;
        this.embedded = embedded;
        this.dataDir = dataDir;
    }

    public static KafkaTestBroker start() {
        String external = System.getenv(BOOTSTRAP_VARIABLE);
        if (external != null && !external.isBlank()) {
            return new KafkaTestBroker(external, null, null, null, null);
        }
        return startEmbedded();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_PLAINTEXT listener of a broker from {@link #startEmbeddedWithSasl()}. */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("only a broker from startEmbeddedWithSasl() has a SASL listener");
        }
        return saslBootstrapServers;
    }

    public boolean embedded() {
        return config != null;
    }

    /** Stops an embedded broker, keeping its data, as an outage would; {@link #restart()} brings it back. */
    public void stop() {
        if (config == null) {
            throw new IllegalStateException("only an embedded broker can be stopped by a test");
        }
        embedded.shutdown();
        embedded.awaitShutdown();
    }

    /** Starts a stopped embedded broker again on the same ports with the same data. */
    public void restart() {
        embedded = new KafkaRaftServer(config, Time.SYSTEM);
        embedded.startup();
    }

    @Override
    public void close() {
        if (config != null) {
            embedded.shutdown();
            embedded.awaitShutdown();
            deleteRecursively(dataDir);
        }
    }

    /** An embedded broker even when {@code KAFKA_BOOTSTRAP} is set: for tests that stop and restart it. */
    public static KafkaTestBroker startEmbedded() {
        return startEmbedded(false);
    }

    /**
     * An embedded broker with a second listener, SASL_PLAINTEXT, where {@link #SASL_USER} logs in with PLAIN or
     * SCRAM-SHA-512 (its SCRAM credential stored when the log directory is formatted, as {@code kafka-storage
     * format --add-scram} stores it).
     */
    public static KafkaTestBroker startEmbeddedWithSasl() {
        return startEmbedded(true);
    }

    private static KafkaTestBroker startEmbedded(boolean sasl) {
        try {
            Path dataDir = Files.createTempDirectory("latchkey-kafka-");
            int port = freePort();
            int controllerPort = freePort();
            int saslPort = sasl ? freePort() : 0;
            Properties properties = brokerProperties(dataDir, port, controllerPort);
            if (sasl) {
                withSaslListener(properties, port, saslPort, controllerPort);
            }
            var config = new KafkaConfig(properties);
            format(dataDir, sasl);
            var server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new KafkaTestBroker("127.0.0.1:" + port, sasl ? "127.0.0.1:" + saslPort : null, config, server, dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("could not start an embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    private static void withSaslListener(Properties props, int port, int saslPort, int controllerPort) {
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER + "=\""
                        + SASL_PASSWORD + "\";");
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }

    private static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static void format(Path dataDir, boolean sasl) throws Exception {
        Formatter formatter = new Formatter();
        if (sasl) {
            formatter.setScramArguments(List.of("SCRAM-SHA-512=[name=" + SASL_USER + ",password=" + SASL_PASSWORD + "]"));
        }
        formatter
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dataDir.toString())
                .setDirectories(List.of(dataDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
