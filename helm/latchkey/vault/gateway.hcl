# Vault policy of the gateway, the data plane: it applies connections' credentials to the calls it carries, so it
# reads them and nothing more. KV version 2 at the mount "secret" (configure-vault rewrites the prefix for another
# mount). Paths are built by libs/secrets' SecretPath.

# A connection's keys (a pinned version) or tokens (the newest), read for each call.
path "secret/data/tenants/+/connections/*" {
  capabilities = ["read"]
}

# The secret fields a connection inherits from its auth config (an API key set once for every connection).
path "secret/data/tenants/+/auth-configs/*" {
  capabilities = ["read"]
}
