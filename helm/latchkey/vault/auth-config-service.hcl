# Vault policy of auth-config-service: the secret fields of auth configs, every tenant's, and nothing else.
# KV version 2 at the mount "secret" (configure-vault rewrites the prefix for another mount).
# Paths are built by libs/secrets' SecretPath: tenants/{tenant}/auth-configs/{id}.

# Create an auth config's secret (check-and-set 0), replace it (check-and-set on the newest version), and read it,
# the newest or a pinned version.
path "secret/data/tenants/+/auth-configs/*" {
  capabilities = ["create", "read", "update"]
}

# List a secret's versions before replacing it; destroy every version when the auth config is deleted.
path "secret/metadata/tenants/+/auth-configs/*" {
  capabilities = ["read", "delete"]
}

# Erase the versions an edit replaced, once the auth config refers to the new one.
path "secret/destroy/tenants/+/auth-configs/*" {
  capabilities = ["update"]
}
