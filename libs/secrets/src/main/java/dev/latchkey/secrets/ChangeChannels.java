package dev.latchkey.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL channels that tell a replica's cache of credentials what changed, each notification the path of a
 * secret's owner ({@link SecretPath}): {@code <schema>_changes} of the service's own tables and, with the local backend,
 * {@code <secrets schema>_changes} of the shared secret store. Vault notifies nothing: there, a changed secret arrives
 * with the event of its owner's change.
 */
public final class ChangeChannels {

    private ChangeChannels() {
    }

    public static List<String> of(String serviceSchema, SecretsConfig secrets) {
        List<String> channels = new ArrayList<>(List.of(serviceSchema + "_changes"));
        if (secrets.backend() == SecretsConfig.Backend.LOCAL) {
            channels.add(secrets.local().schema() + "_changes");
        }
        return channels;
    }
}
