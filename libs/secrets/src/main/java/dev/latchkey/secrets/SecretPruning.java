package dev.latchkey.secrets;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/** What both backends do when old versions cannot be erased now: say so, and leave them for the next prune. */
public final class SecretPruning {

    private static final Logger LOG = Logger.getLogger(SecretPruning.class);

    private SecretPruning() {
    }

    public static Uni<Void> leftForNextTime(SecretPath path, Throwable failure) {
        LOG.warnf("old versions of %s stay until the next prune: %s", path, failure.getClass().getSimpleName());
        return Uni.createFrom().voidItem();
    }
}
