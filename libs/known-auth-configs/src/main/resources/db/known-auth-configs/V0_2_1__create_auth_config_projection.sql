-- What a service knows of auth configs, from auth-config-service's events (event-carried state); KnownAuthConfigProjector
-- writes it. Secret values are never here; sealed_fields only names them. connected-apps-service and token-refresher
-- created the same table in their own V2 migrations before this library shipped one, hence IF NOT EXISTS; a service
-- added since (the gateway) takes it from here.
CREATE TABLE IF NOT EXISTS auth_configs (
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

CREATE INDEX IF NOT EXISTS auth_configs_by_tenant ON auth_configs (tenant, id);
