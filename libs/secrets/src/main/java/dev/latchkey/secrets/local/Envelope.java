package dev.latchkey.secrets.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.TamperedSecretException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Envelope encryption of one secret version: a fresh AES-256-GCM data key encrypts the fields, the master
 * key wraps the data key. Both carry the path and version as associated data, so a ciphertext copied to
 * another secret or version fails to decrypt instead of passing as that secret.
 */
final class Envelope {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final MasterKeyring keyring;

    Envelope(MasterKeyring keyring) {
        this.keyring = keyring;
    }

    Sealed seal(SecretPath path, long version, Map<String, String> fields) {
        byte[] associatedData = associatedData(path, version);
        MasterKeyring.Keys master = keyring.current();
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] ciphertext = aead(dataKey).encrypt(JSON.writeValueAsBytes(fields), associatedData);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master.aead(), associatedData);
            return new Sealed(master.primaryId(), wrapped, ciphertext);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("could not seal the secret at " + path, e);
        }
    }

    Map<String, String> open(SecretPath path, long version, Sealed sealed) {
        byte[] associatedData = associatedData(path, version);
        try {
            byte[] plaintext = aead(unwrap(path, version, sealed)).decrypt(sealed.ciphertext(), associatedData);
            return JSON.readValue(plaintext, FIELDS);
        } catch (GeneralSecurityException | IOException e) {
            throw new TamperedSecretException(path, version);
        }
    }

    /** The same data key wrapped by the current primary master key; the ciphertext is untouched. */
    Sealed rewrap(SecretPath path, long version, Sealed sealed) {
        MasterKeyring.Keys master = keyring.current();
        try {
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(unwrap(path, version, sealed), master.aead(),
                    associatedData(path, version));
            return new Sealed(master.primaryId(), wrapped, sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not re-wrap the secret at " + path, e);
        }
    }

    private KeysetHandle unwrap(SecretPath path, long version, Sealed sealed) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.dataKey(), keyring.knowing(sealed.keyId()).aead(),
                    associatedData(path, version));
        } catch (GeneralSecurityException e) {
            throw new TamperedSecretException(path, version);
        }
    }

    private static Aead aead(KeysetHandle dataKey) throws GeneralSecurityException {
        return dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static byte[] associatedData(SecretPath path, long version) {
        return (path + "#" + version).getBytes(StandardCharsets.UTF_8);
    }
}
