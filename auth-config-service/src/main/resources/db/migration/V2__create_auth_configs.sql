-- Auth configs: reusable authentication settings. Secret fields live in the secret store at
-- tenants/{tenant}/auth-configs/{id}; this table keeps which are set (secret_fields) and the version it refers to.
CREATE TABLE auth_configs (
    id               uuid        PRIMARY KEY,
    tenant           text        NOT NULL,
    name             text        NOT NULL,
    category         text        NOT NULL CHECK (category IN ('OAUTH2_PROVIDER', 'NATIVE_CONNECTOR', 'CUSTOM')),
    provider         text,                    -- the catalog key, for the two catalog categories
    auth_type        text        NOT NULL,    -- oauth2, api_key, native, ... (the catalog's auth types)
    environment      text,
    description      text,
    config           jsonb       NOT NULL,    -- the non-secret fields
    secret_fields    jsonb       NOT NULL,    -- {field: {updatedAt, hint}}: which secrets are set, never their values
    secret_version   bigint      NOT NULL,    -- the secret store's version this row refers to; 0 when no secret
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'ERROR')),
    last_test        jsonb,
    last_used_at     timestamptz,
    connection_count integer     NOT NULL DEFAULT 0 CHECK (connection_count >= 0),
    version          bigint      NOT NULL,    -- optimistic concurrency: the ETag
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (tenant, name)
);

-- Listing a tenant's auth configs, newest first or by name, with keyset pagination.
CREATE INDEX auth_configs_by_created ON auth_configs (tenant, created_at, id);
CREATE INDEX auth_configs_by_name ON auth_configs (tenant, name, id);
