package dev.latchkey.secrets;

import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.secrets.vault.VaultSecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The {@link SecretStore} that {@code latchkey.secrets.backend} names; the other backend is never created. */
@ApplicationScoped
public class SecretStoreProducer {

    @Produces
    @Singleton
    SecretStore secretStore(SecretsConfig config, Instance<LocalSecretStore> local, Instance<VaultSecretStore> vault) {
        return switch (config.backend()) {
            case LOCAL -> local.get();
            case VAULT -> vault.get();
        };
    }
}
