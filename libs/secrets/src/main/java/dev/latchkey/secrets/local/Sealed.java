package dev.latchkey.secrets.local;

/** A secret version as stored: the id of the master key that wrapped its data key, the wrapped key, the ciphertext. */
record Sealed(long keyId, byte[] dataKey, byte[] ciphertext) {
}
