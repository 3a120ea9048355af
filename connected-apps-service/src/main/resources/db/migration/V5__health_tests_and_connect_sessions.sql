-- Where the user lands after an authorization a connect session started (null: the callback shows a page).
ALTER TABLE authorizations ADD COLUMN return_url text;

-- Health: why the status is what it is, transient refresh failures in a row, a warning for people to act on
-- (a token that expires and cannot be refreshed), scopes the auth config asks for that the grant lacks, and the
-- last test.
ALTER TABLE connections ADD COLUMN status_reason text;
ALTER TABLE connections ADD COLUMN refresh_failures integer NOT NULL DEFAULT 0;
ALTER TABLE connections ADD COLUMN warning text;
ALTER TABLE connections ADD COLUMN missing_scopes text[] NOT NULL DEFAULT '{}';
ALTER TABLE connections ADD COLUMN last_test jsonb;
-- When the current access token was obtained: with expires_at, its lifetime, which sets when a read refreshes it.
ALTER TABLE connections ADD COLUMN token_issued_at timestamptz;

CREATE INDEX connections_by_status ON connections (tenant, status);

-- Hosted connect links: a caller's product hands one to its user. Only the token's SHA-256 is kept; the token
-- itself is in the link alone. Single use: used_at is set when the link makes its connection.
CREATE TABLE connect_sessions (
    token_hash     text        PRIMARY KEY,
    tenant         text        NOT NULL,
    auth_config_id uuid        NOT NULL,
    environment    text        NOT NULL CHECK (environment IN ('development', 'staging', 'production')),
    end_user_id    text        NOT NULL,
    return_url     text        NOT NULL,
    actor          text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    connection_id  uuid
);

-- Per tenant: the origins a connect session may send its user back to.
CREATE TABLE connect_settings (
    tenant          text        PRIMARY KEY,
    allowed_origins text[]      NOT NULL,
    updated_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL
);
