# Vault policy of connected-apps-service: the credentials of connections, and the client secrets of the auth
# configs they are made from (read only). KV version 2 at the mount "secret" (configure-vault rewrites the prefix
# for another mount). Paths are built by libs/secrets' SecretPath.

# Store a connection's tokens or keys (check-and-set), read them back for a credentials request, the newest or a
# pinned version.
path "secret/data/tenants/+/connections/*" {
  capabilities = ["create", "read", "update"]
}

# List versions before replacing tokens; destroy every version when the connection is deleted.
path "secret/metadata/tenants/+/connections/*" {
  capabilities = ["read", "delete"]
}

# Erase the tokens a new authorization replaced.
path "secret/destroy/tenants/+/connections/*" {
  capabilities = ["update"]
}

# The OAuth2 client secret, to exchange an authorization code and to test or revoke a connection.
path "secret/data/tenants/+/auth-configs/*" {
  capabilities = ["read"]
}
