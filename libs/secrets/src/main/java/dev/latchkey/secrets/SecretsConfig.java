package dev.latchkey.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Which backend keeps the secrets, and its settings. */
@ConfigMapping(prefix = "latchkey.secrets")
public interface SecretsConfig {

    enum Backend { LOCAL, VAULT }

    /** {@code local} (the embedded default) or {@code vault} (production; the Helm chart's default). */
    @WithDefault("local")
    Backend backend();

    Local local();

    Vault vault();

    interface Local {

        /** The master keyset as Tink JSON, from {@code LATCHKEY_MASTER_KEY}; wins over the file. */
        Optional<String> masterKey();

        /** A file holding the master keyset (mode 0600), from {@code LATCHKEY_MASTER_KEY_FILE}. */
        Optional<Path> masterKeyFile();

        /** How often the master keyset is re-read and secrets wrapped by an older master key are re-wrapped. */
        @WithDefault("30s")
        Duration rewrapInterval();

        /** The PostgreSQL schema every service's store shares, as they share one Vault. */
        @WithDefault("secrets")
        String schema();

        /**
         * A role that owns the shared schema and that every service's login role is a member of
         * ({@code ./latchkey up}: {@code latchkey_secrets}); the migration runs as it, so the table is everybody's.
         */
        Optional<String> ownerRole();

        /**
         * This service only reads secrets (the gateway): it neither migrates the schema nor re-wraps, and its login
         * role may hold no more than SELECT on the table ({@code ./latchkey up}: {@code latchkey_secrets_reader}).
         */
        @WithDefault("false")
        boolean readOnly();
    }

    interface Vault {

        /** The KV v2 secrets engine's mount path. */
        @WithDefault("secret")
        String mount();
    }
}
