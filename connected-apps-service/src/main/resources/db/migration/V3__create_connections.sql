-- Connections: one account of an application, made from an auth config, per environment. Secret fields live in
-- the secret store at tenants/{tenant}/connections/{id}, version secret_version; this table only names them.
CREATE TABLE connections (
    id             uuid        PRIMARY KEY,
    tenant         text        NOT NULL,
    auth_config_id uuid        NOT NULL,
    name           text        NOT NULL,
    environment    text        NOT NULL CHECK (environment IN ('development', 'staging', 'production')),
    end_user_id    text,
    metadata       jsonb       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'EXPIRED', 'ERROR')),
    provider       text,
    auth_type      text        NOT NULL,
    config         jsonb       NOT NULL,   -- the connection's plain fields (parameters it overrides)
    secret_fields  text[]      NOT NULL,   -- the names of its secret fields, never their values
    secret_version bigint      NOT NULL,   -- 0 when it has none
    last_used_at   timestamptz,
    version        bigint      NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX connections_by_created ON connections (tenant, created_at, id);
CREATE INDEX connections_by_auth_config ON connections (tenant, auth_config_id);
