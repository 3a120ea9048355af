package dev.latchkey.secrets.local;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The master keyset that wraps every secret's data key: a Tink AES-256-GCM keyset read from its source (the
 * {@code LATCHKEY_MASTER_KEY} value or a key file). New data keys are wrapped by the primary key; older keys
 * stay in the keyset after a rotation so that what they wrapped stays readable until it is re-wrapped.
 */
public final class MasterKeyring {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The keyset as loaded: its AEAD, the primary key's id and every key id it holds. */
    public record Keys(Aead aead, long primaryId, Set<Long> ids) {
    }

    private final Supplier<String> source;
    private volatile Keys keys;

    public MasterKeyring(Supplier<String> source) {
        this.source = source;
        this.keys = load(source.get());
    }

    public Keys current() {
        return keys;
    }

    /** The keys, re-read from the source first if they lack {@code keyId} (another replica rotated). */
    public Keys knowing(long keyId) {
        Keys loaded = keys;
        return loaded.ids().contains(keyId) ? loaded : reload();
    }

    /** Re-reads the source: how a rotated key file takes effect without a restart. */
    public Keys reload() {
        keys = load(source.get());
        return keys;
    }

    /** A new keyset with one AES-256-GCM key. */
    public static String newKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a master keyset", e);
        }
    }

    /** {@code keysetJson} with a new AES-256-GCM key as primary; the older keys stay to read what they wrapped. */
    public static String rotate(String keysetJson) {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(parse(keysetJson))
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the master keyset", e);
        }
    }

    private static Keys load(String keysetJson) {
        try {
            KeysetHandle handle = parse(keysetJson);
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < handle.size(); i++) {
                ids.add(Integer.toUnsignedLong(handle.getAt(i).getId()));
            }
            return new Keys(handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    Integer.toUnsignedLong(handle.getPrimary().getId()), Set.copyOf(ids));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset is not a valid Tink AEAD keyset", e);
        }
    }

    private static KeysetHandle parse(String keysetJson) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
    }
}
