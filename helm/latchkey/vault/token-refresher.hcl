# Vault policy of token-refresher: read an auth config's client secret and a connection's tokens, write the
# refreshed tokens. KV version 2 at the mount "secret" (configure-vault rewrites the prefix for another mount).
# Paths are built by libs/secrets' SecretPath.

# A refresh reads the stored tokens and replaces them with check-and-set on the version it read: it only ever
# updates a secret that exists. Without "create", a connection deleted mid-refresh is refused by Vault and the
# next attempt finds its credentials gone.
path "secret/data/tenants/+/connections/*" {
  capabilities = ["read", "update"]
}

# The OAuth2 client secret the refresh request authenticates with.
path "secret/data/tenants/+/auth-configs/*" {
  capabilities = ["read"]
}

# Erase the tokens a refresh replaced: list the versions, destroy the older ones.
path "secret/metadata/tenants/+/connections/*" {
  capabilities = ["read"]
}
path "secret/destroy/tenants/+/connections/*" {
  capabilities = ["update"]
}
