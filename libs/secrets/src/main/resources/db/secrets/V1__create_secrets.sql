-- The local secret backend: one row per version of a secret, sealed by envelope encryption.
-- One store for every service, as Vault is in a cluster: the schema latchkey.secrets.local.schema (secrets),
-- migrated by LocalSecretsSchema at startup.
CREATE TABLE secrets (
    path       text        NOT NULL,
    version    bigint      NOT NULL CHECK (version > 0),
    key_id     bigint      NOT NULL,   -- the master key that wrapped data_key
    data_key   bytea       NOT NULL,   -- this version's own AES-256-GCM key, encrypted by the master key
    ciphertext bytea       NOT NULL,   -- the fields as JSON, encrypted by data_key
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (path, version)
);

-- Finds what a master-key rotation still has to re-wrap.
CREATE INDEX secrets_key_id ON secrets (key_id);
