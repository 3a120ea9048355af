package dev.latchkey.secrets.vault;

import dev.latchkey.secrets.Secret;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretPruning;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.SecretVersion;
import dev.latchkey.secrets.SecretVersionConflictException;
import dev.latchkey.secrets.SecretsConfig;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.VaultClientException;
import io.quarkus.vault.client.api.common.VaultAnyResult;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretData;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretMetadataVersion;
import io.quarkus.vault.client.common.VaultLeasedResultExtractor;
import io.quarkus.vault.client.common.VaultRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@code vault} backend: HashiCorp Vault's KV v2 engine through quarkus-vault, which authenticates by token
 * or Kubernetes service account ({@code quarkus.vault.*}). Vault keeps the versions; writes use its
 * check-and-set option, so Vault itself refuses a write based on a stale version.
 */
@ApplicationScoped
@Typed(VaultSecretStore.class)
public class VaultSecretStore implements SecretStore {

    private static final int NOT_FOUND = 404;
    private static final int BAD_REQUEST = 400;

    private final VaultClient client;
    private final String mount;

    public VaultSecretStore(VaultClient client, SecretsConfig config) {
        this.client = client;
        this.mount = config.vault().mount();
    }

    @Override
    public Uni<Secret> read(SecretPath path) {
        return toSecret(path, call(() -> kv2().readSecret(path.toString())));
    }

    @Override
    public Uni<Secret> read(SecretPath path, long version) {
        return toSecret(path, call(() -> kv2().readSecret(path.toString(), Math.toIntExact(version))));
    }

    private static Uni<Secret> toSecret(SecretPath path, Uni<VaultSecretsKV2ReadSecretData> read) {
        return read.map(data -> new Secret(path, data.getMetadata().getVersion(), strings(data.getData())))
                .onFailure(VaultSecretStore::notFound).transform(failure -> new SecretNotFoundException(path));
    }

    /**
     * quarkus-vault 4.4's typed update takes {@code cas} as a boolean, so the write is its generic request with
     * Vault's documented body: {@code {"options":{"cas":<expected version>},"data":{...}}}.
     */
    @Override
    public Uni<Long> write(SecretPath path, Map<String, String> fields, long expectedVersion) {
        VaultRequest<VaultAnyResult> request = VaultRequest.<VaultAnyResult>post("kv2 check-and-set write")
                .path(mount, "data", path.toString())
                .body(Map.of("options", Map.of("cas", expectedVersion), "data", fields))
                .expectOkStatus()
                .build(VaultLeasedResultExtractor.of(VaultAnyResult.class));
        return call(() -> client.execute(request))
                .map(response -> ((Number) response.getResult().getData().get("version")).longValue())
                .onFailure(VaultSecretStore::casMismatch)
                .transform(failure -> new SecretVersionConflictException(path, expectedVersion));
    }

    @Override
    public Uni<Void> delete(SecretPath path) {
        return call(() -> kv2().deleteSecret(path.toString()));
    }

    /** Deleting the metadata erases every version and the key itself. */
    @Override
    public Uni<Void> destroy(SecretPath path) {
        return call(() -> kv2().deleteSecretMetadata(path.toString()));
    }

    /** Vault keeps a destroyed version's metadata, marked destroyed; its data is gone. */
    @Override
    public Uni<Void> prune(SecretPath path, long keepFrom) {
        return call(() -> kv2().readSecretMetadata(path.toString()))
                .map(metadata -> metadata.getVersions().entrySet().stream()
                        .filter(entry -> Long.parseLong(entry.getKey()) < keepFrom && !Boolean.TRUE.equals(entry.getValue().isDestroyed()))
                        .map(entry -> Integer.valueOf(entry.getKey()))
                        .sorted()
                        .toList())
                .chain(old -> old.isEmpty() ? Uni.createFrom().voidItem() : call(() -> kv2().destroySecretVersions(path.toString(), old)))
                .onFailure(VaultSecretStore::notFound).recoverWithNull()
                .onFailure().recoverWithUni(failure -> SecretPruning.leftForNextTime(path, failure));
    }

    @Override
    public Uni<List<SecretVersion>> versions(SecretPath path) {
        return call(() -> kv2().readSecretMetadata(path.toString()))
                .map(metadata -> metadata.getVersions().entrySet().stream()
                        .map(VaultSecretStore::version)
                        .sorted(Comparator.comparingLong(SecretVersion::version))
                        .toList())
                .onFailure(VaultSecretStore::notFound).recoverWithItem(List.of());
    }

    private VaultSecretsKV2 kv2() {
        return client.secrets().kv2(mount);
    }

    private static SecretVersion version(Entry<String, VaultSecretsKV2ReadSecretMetadataVersion> entry) {
        var version = entry.getValue();
        return new SecretVersion(Long.parseLong(entry.getKey()), instant(version.getCreatedTime()),
                instant(version.getDeletionTime()));
    }

    private static Map<String, String> strings(Map<String, Object> data) {
        Map<String, String> fields = new LinkedHashMap<>();
        data.forEach((name, value) -> fields.put(name, String.valueOf(value)));
        return fields;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** quarkus-vault answers with a {@code CompletionStage}; failures arrive as {@link VaultClientException}. */
    private static <T> Uni<T> call(Supplier<CompletionStage<T>> request) {
        return Uni.createFrom().completionStage(request)
                .onFailure(CompletionException.class).transform(Throwable::getCause);
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof VaultClientException vault && Integer.valueOf(NOT_FOUND).equals(vault.getStatus());
    }

    private static boolean casMismatch(Throwable failure) {
        return failure instanceof VaultClientException vault && Integer.valueOf(BAD_REQUEST).equals(vault.getStatus())
                && vault.hasErrorContaining("check-and-set");
    }
}
