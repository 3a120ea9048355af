package dev.latchkey.secrets.local;

import dev.latchkey.secrets.SecretsConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Online re-wrap after a master-key rotation: every {@code rewrap-interval} the keyring re-reads its source and
 * data keys wrapped by an older master key are re-wrapped under the primary. Replicas may all run it: each
 * update is conditional on the row's old key id, so a row is re-wrapped once. A service that only reads does not.
 */
@ApplicationScoped
public class RewrapJob {

    private static final Logger LOG = Logger.getLogger(RewrapJob.class);

    private final SecretsConfig config;
    private final MasterKeyring keyring;
    private final LocalSecretStore store;

    public RewrapJob(SecretsConfig config, MasterKeyring keyring, LocalSecretStore store) {
        this.config = config;
        this.keyring = keyring;
        this.store = store;
    }

    void schedule(@Observes StartupEvent startup, Vertx vertx) {
        if (config.backend() == SecretsConfig.Backend.LOCAL && !config.local().readOnly()) {
            vertx.setPeriodic(config.local().rewrapInterval().toMillis(), tick -> run());
        }
    }

    void run() {
        Uni.createFrom().item(keyring::reload).chain(store::rewrap).subscribe().with(
                count -> {
                    if (count > 0) {
                        LOG.infof("re-wrapped %d secret versions under master key %d", count, keyring.current().primaryId());
                    }
                },
                failure -> LOG.errorf("re-wrapping secrets failed, the next pass retries: %s", failure.getMessage()));
    }
}
