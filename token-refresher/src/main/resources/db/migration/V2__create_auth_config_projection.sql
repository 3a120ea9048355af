-- What this service knows of auth configs, from auth-config-service's events (event-carried state): enough to
-- refresh a connection's token. The same shape as connected-apps-service's projection; AuthConfigProjector in
-- libs/platform writes both. Secret values are never here; sealed_fields only names them.
CREATE TABLE auth_configs (
    id            uuid        PRIMARY KEY,
    tenant        text        NOT NULL,
    name          text        NOT NULL,
    category      text,
    provider      text,
    auth_type     text,
    environment   text,
    config        jsonb       NOT NULL,
    sealed_fields text[]      NOT NULL,
    version       bigint      NOT NULL,   -- the auth config's own version, so an older event never wins
    deleted       boolean     NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX auth_configs_by_tenant ON auth_configs (tenant, id);
