package dev.latchkey.secrets;

import java.time.Instant;

/** A kept version of a secret; {@code deletedAt} is null unless the version was deleted. */
public record SecretVersion(long version, Instant createdAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
