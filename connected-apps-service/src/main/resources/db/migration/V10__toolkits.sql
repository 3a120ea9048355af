-- A toolkit: a named set of a tenant's connections' catalog actions, which agents call as tools through the gateway's
-- MCP server. members: [{"connectionId": "...", "actions": ["get_issue", ...] or null for all the connection's}].
-- version counts the changes, for ETag and If-Match.
CREATE TABLE toolkits (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    description text,
    read_only   boolean     NOT NULL,
    members     jsonb       NOT NULL,
    version     bigint      NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant, name)
);
CREATE INDEX toolkits_by_tenant ON toolkits (tenant, created_at DESC, id DESC);

-- A toolkit's capability tokens: known by the SHA-256 of their value only (the value is shown once, when issued).
-- A token calls its toolkit's actions until it expires or is revoked; it goes with its toolkit.
CREATE TABLE toolkit_tokens (
    id         uuid        PRIMARY KEY,
    toolkit_id uuid        NOT NULL REFERENCES toolkits (id) ON DELETE CASCADE,
    tenant     text        NOT NULL,
    name       text,
    token_hash text        NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX toolkit_tokens_by_toolkit ON toolkit_tokens (toolkit_id, created_at DESC);
