package dev.latchkey.secrets;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;

/**
 * Where Latchkey keeps secret fields (client secrets, tokens, passwords), by {@link SecretPath}. Every write
 * is a compare-and-swap on the version, so two writers never overwrite each other unnoticed; older versions
 * are kept. Chosen by {@code latchkey.secrets.backend}: {@code local} (encrypted in PostgreSQL) or
 * {@code vault} (HashiCorp Vault KV v2).
 */
public interface SecretStore {

    /** The newest version; fails with {@link SecretNotFoundException} when there is none or it was deleted. */
    Uni<Secret> read(SecretPath path);

    /**
     * One version, as a record that names the version it refers to reads it; fails with
     * {@link SecretNotFoundException} when that version does not exist or was deleted.
     */
    Uni<Secret> read(SecretPath path, long version);

    /**
     * Writes {@code fields} as a new version if the newest version is {@code expectedVersion} ({@code 0}: the
     * secret must not exist yet); fails with {@link SecretVersionConflictException} otherwise.
     *
     * @return the new version
     */
    Uni<Long> write(SecretPath path, Map<String, String> fields, long expectedVersion);

    /** Marks the newest version deleted: reads fail, the versions stay listed. Deleting nothing is no error. */
    Uni<Void> delete(SecretPath path);

    /** Erases every version for good, as when the auth config or connection that owned it is deleted. */
    Uni<Void> destroy(SecretPath path);

    /**
     * Erases for good every version older than {@code keepFrom}: what nothing refers to any more once a newer version
     * is in use (an old client secret, a refresh token the provider rotated). Never fails: a version it could not
     * erase (the store is down) is logged and left for the next prune, which erases every older version.
     */
    Uni<Void> prune(SecretPath path, long keepFrom);

    /** Every kept version, oldest first; empty when the secret does not exist. */
    Uni<List<SecretVersion>> versions(SecretPath path);
}
