package dev.latchkey.secrets.local;

import dev.latchkey.secrets.SecretsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.function.Supplier;

/** The master keyring of the local backend, from {@code LATCHKEY_MASTER_KEY} or else the key file. */
@ApplicationScoped
public class MasterKeyringProducer {

    @Produces
    @ApplicationScoped
    MasterKeyring masterKeyring(SecretsConfig config) {
        return new MasterKeyring(source(config.local()));
    }

    private static Supplier<String> source(SecretsConfig.Local config) {
        if (config.masterKey().isPresent()) {
            String keyset = config.masterKey().get();
            return () -> keyset;
        }
        return config.masterKeyFile().map(MasterKeyFile::new).<Supplier<String>>map(file -> file::read)
                .orElseThrow(() -> new IllegalStateException("the local secret backend needs a master key: set "
                        + "LATCHKEY_MASTER_KEY or LATCHKEY_MASTER_KEY_FILE (./latchkey up creates .latchkey/master-key.json)"));
    }
}
