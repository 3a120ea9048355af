package dev.latchkey.secrets.local;

import dev.latchkey.secrets.Secret;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretPruning;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.SecretVersion;
import dev.latchkey.secrets.SecretVersionConflictException;
import dev.latchkey.secrets.SecretsConfig;
import dev.latchkey.secrets.TamperedSecretException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code local} backend: each version of a secret is a row of the service's {@code secrets} table, sealed
 * by {@link Envelope}. The database only ever sees ciphertext and wrapped keys.
 */
@ApplicationScoped
@Typed(LocalSecretStore.class)
public class LocalSecretStore implements SecretStore {

    /** Inserts version $2 only if the newest version is $2 - 1; a racing writer of the same version loses. */
    private static final String INSERT = """
            INSERT INTO {table} (path, version, key_id, data_key, ciphertext)
            SELECT $1, $2, $3, $4, $5
            WHERE (SELECT coalesce(max(version), 0) FROM {table} WHERE path = $1) = $2 - 1
            ON CONFLICT (path, version) DO NOTHING""";
    private static final String NEWEST =
            "SELECT version, key_id, data_key, ciphertext, deleted_at FROM {table} WHERE path = $1 ORDER BY version DESC LIMIT 1";
    private static final String ONE_VERSION =
            "SELECT version, key_id, data_key, ciphertext, deleted_at FROM {table} WHERE path = $1 AND version = $2";
    private static final String DELETE_NEWEST = """
            UPDATE {table} SET deleted_at = now()
            WHERE path = $1 AND deleted_at IS NULL AND version = (SELECT max(version) FROM {table} WHERE path = $1)""";
    private static final String DESTROY = "DELETE FROM {table} WHERE path = $1";
    private static final String PRUNE = "DELETE FROM {table} WHERE path = $1 AND version < $2";
    private static final String VERSIONS =
            "SELECT version, created_at, deleted_at FROM {table} WHERE path = $1 ORDER BY version";
    /** Pages through the rows after ($3, $4), so a row that cannot be re-wrapped is passed over, not met again. */
    private static final String WRAPPED_BY_OLDER_KEYS = """
            SELECT path, version, key_id, data_key FROM {table}
            WHERE key_id <> $1 AND (path, version) > ($3, $4)
            ORDER BY path, version LIMIT $2""";
    private static final String REWRAP =
            "UPDATE {table} SET key_id = $1, data_key = $2 WHERE path = $3 AND version = $4 AND key_id = $5";
    private static final int REWRAP_BATCH = 200;
    private static final Logger LOG = Logger.getLogger(LocalSecretStore.class);

    private final Pool pool;
    private final MasterKeyring keyring;
    private final Envelope envelope;
    private final String table;

    @Inject
    public LocalSecretStore(Pool pool, MasterKeyring keyring, SecretsConfig config) {
        this(pool, keyring, config.local().schema() + ".secrets");
    }

    /** @param table the qualified table, {@code secrets.secrets} by default */
    public LocalSecretStore(Pool pool, MasterKeyring keyring, String table) {
        this.pool = pool;
        this.keyring = keyring;
        this.envelope = new Envelope(keyring);
        this.table = table;
    }

    @Override
    public Uni<Secret> read(SecretPath path) {
        return pool.preparedQuery(sql(NEWEST)).execute(Tuple.of(path.toString())).map(rows -> open(path, rows));
    }

    @Override
    public Uni<Secret> read(SecretPath path, long version) {
        return pool.preparedQuery(sql(ONE_VERSION)).execute(Tuple.of(path.toString(), version)).map(rows -> open(path, rows));
    }

    private Secret open(SecretPath path, RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw new SecretNotFoundException(path);
        }
        Row row = rows.iterator().next();
        if (row.getValue("deleted_at") != null) {
            throw new SecretNotFoundException(path);
        }
        long version = row.getLong("version");
        var sealed = new Sealed(row.getLong("key_id"), bytes(row, "data_key"), bytes(row, "ciphertext"));
        return new Secret(path, version, envelope.open(path, version, sealed));
    }

    @Override
    public Uni<Long> write(SecretPath path, Map<String, String> fields, long expectedVersion) {
        long version = expectedVersion + 1;
        Sealed sealed = envelope.seal(path, version, fields);
        return pool.preparedQuery(sql(INSERT))
                .execute(Tuple.of(path.toString(), version, sealed.keyId(), Buffer.buffer(sealed.dataKey()),
                        Buffer.buffer(sealed.ciphertext())))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new SecretVersionConflictException(path, expectedVersion);
                    }
                    return version;
                });
    }

    @Override
    public Uni<Void> delete(SecretPath path) {
        return pool.preparedQuery(sql(DELETE_NEWEST)).execute(Tuple.of(path.toString())).replaceWithVoid();
    }

    @Override
    public Uni<Void> destroy(SecretPath path) {
        return pool.preparedQuery(sql(DESTROY)).execute(Tuple.of(path.toString())).replaceWithVoid();
    }

    @Override
    public Uni<Void> prune(SecretPath path, long keepFrom) {
        return pool.preparedQuery(sql(PRUNE)).execute(Tuple.of(path.toString(), keepFrom)).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> SecretPruning.leftForNextTime(path, failure));
    }

    @Override
    public Uni<List<SecretVersion>> versions(SecretPath path) {
        return pool.preparedQuery(sql(VERSIONS)).execute(Tuple.of(path.toString())).map(rows -> {
            var versions = new ArrayList<SecretVersion>();
            rows.forEach(row -> versions.add(new SecretVersion(row.getLong("version"),
                    instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("deleted_at")))));
            return List.copyOf(versions);
        });
    }

    /**
     * Re-wraps, batch by batch, every data key that an older master key wrapped, so that the older key can
     * later leave the keyset. Secrets stay readable throughout: a row is either under its old key or the new.
     * A row that fails authentication is left as it is and logged; reading it fails the same way.
     *
     * @return how many versions were re-wrapped
     */
    public Uni<Long> rewrap() {
        return rewrapAfter(keyring.current().primaryId(), "", 0);
    }

    private Uni<Long> rewrapAfter(long primary, String lastPath, long lastVersion) {
        return pool.preparedQuery(sql(WRAPPED_BY_OLDER_KEYS)).execute(Tuple.of(primary, REWRAP_BATCH, lastPath, lastVersion))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0L);
                    }
                    List<Tuple> updates = new ArrayList<>();
                    Row last = null;
                    for (Row row : rows) {
                        last = row;
                        rewrapped(row).ifPresent(updates::add);
                    }
                    String nextPath = last.getString("path");
                    long nextVersion = last.getLong("version");
                    Uni<Void> written = updates.isEmpty() ? Uni.createFrom().voidItem()
                            : pool.preparedQuery(sql(REWRAP)).executeBatch(updates).replaceWithVoid();
                    return written.chain(() -> rewrapAfter(primary, nextPath, nextVersion))
                            .map(more -> more + updates.size());
                });
    }

    /** The update that re-wraps this row's data key, or none if the row fails authentication. */
    private Optional<Tuple> rewrapped(Row row) {
        SecretPath path = SecretPath.parse(row.getString("path"));
        long version = row.getLong("version");
        long oldKey = row.getLong("key_id");
        try {
            Sealed sealed = envelope.rewrap(path, version, new Sealed(oldKey, bytes(row, "data_key"), null));
            return Optional.of(Tuple.of(sealed.keyId(), Buffer.buffer(sealed.dataKey()), path.toString(), version, oldKey));
        } catch (TamperedSecretException e) {
            LOG.errorf("not re-wrapping the secret at %s version %d: %s", path, version, e.getMessage());
            return Optional.empty();
        }
    }

    private String sql(String statement) {
        return statement.replace("{table}", table);
    }

    private static byte[] bytes(Row row, String column) {
        return row.getBuffer(column).getBytes();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
