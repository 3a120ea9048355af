package dev.latchkey.platform.outbox;

import dev.latchkey.platform.cache.ChannelListener;
import dev.latchkey.platform.sql.ListenConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs this instance's {@link OutboxRelay}: woken by PostgreSQL's NOTIFY when a transaction that appended
 * events commits, and by a timer when a notification was missed.
 */
@ApplicationScoped
public class OutboxRelayRunner implements ChannelListener.Listener {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);

    private final OutboxConfig config;
    private final Pool pool;
    private final Vertx vertx;
    private final Map<String, Object> kafkaConfig;
    private final String schema;
    private final ListenConnection listenConnection;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean wokenWhileDraining;
    private KafkaProducer<String, String> producer;
    private OutboxRelay relay;
    private ChannelListener commits;
    private long pollTimer;

    public OutboxRelayRunner(OutboxConfig config, Pool pool, Vertx vertx,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "latchkey.schema") String schema, ListenConnection listenConnection) {
        this.config = config;
        this.pool = pool;
        this.vertx = vertx;
        this.kafkaConfig = kafkaConfig;
        this.schema = schema;
        this.listenConnection = listenConnection;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = RelayProducer.create(kafkaConfig, config.lease(), schema + "-outbox-relay");
        relay = new OutboxRelay(pool, producer, "relay-" + UUID.randomUUID(), config.batchSize(), config.lease());
        commits = new ChannelListener(vertx.getDelegate(), listenConnection.options(), List.of(schema + "_outbox"), this,
                LISTEN_RETRY);
        commits.start();
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> drain());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (relay == null) {
            return;
        }
        vertx.cancelTimer(pollTimer);
        commits.stop();
        producer.close(Duration.ofSeconds(5));
    }

    /** A transaction that appended events committed. */
    @Override
    public void heard(String channel, String payload) {
        drain();
    }

    /** Listening (again): what was committed meanwhile is sent now. */
    @Override
    public void listening() {
        drain();
    }

    /** Commits go unheard for a while: the poll every {@code latchkey.outbox.poll-interval} sends them. */
    @Override
    public void deaf() {
    }

    /**
     * Sends batches until none is full; a wake-up during a batch triggers one more round. A round that a wake-up
     * starts waits {@code latchkey.outbox.linger} first, so the commits of that moment go out as one batch rather than
     * a batch each (one statement and three commits a batch, whatever its size).
     */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining = true;
            return;
        }
        long linger = config.linger().toMillis();
        if (linger > 0) {
            vertx.setTimer(linger, timer -> relayBatches());
        } else {
            relayBatches();
        }
    }

    private void relayBatches() {
        wokenWhileDraining = false;
        relay.relayBatch().subscribe().with(
                claimed -> {
                    if (claimed >= relay.batchSize()) {
                        relayBatches();
                        return;
                    }
                    draining.set(false);
                    if (wokenWhileDraining) {
                        drain();
                    }
                },
                failure -> {
                    draining.set(false);
                    LOG.warnf("outbox relay batch failed, retrying on the next wake-up: %s", failure.getMessage());
                });
    }
}
