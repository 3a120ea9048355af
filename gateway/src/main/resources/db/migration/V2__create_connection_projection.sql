-- What the gateway knows of connections, from connected-apps-service's events (and token-refresher's, for a token's
-- expiry): enough to call a connection's API. Secret values are never here: they stay in the secret store, at
-- tenants/{tenant}/connections/{id}, version secret_version (a token-based connection's newest version).
CREATE TABLE connections (
    id             uuid        PRIMARY KEY,
    tenant         text        NOT NULL,
    auth_config_id uuid        NOT NULL,
    auth_type      text        NOT NULL,
    environment    text,
    status         text        NOT NULL,
    config         jsonb       NOT NULL,
    secret_version bigint      NOT NULL,
    expires_at     timestamptz,
    token_at       timestamptz,          -- when the token that expires_at belongs to was reported, so an older report never wins
    updated_at     timestamptz NOT NULL
);
