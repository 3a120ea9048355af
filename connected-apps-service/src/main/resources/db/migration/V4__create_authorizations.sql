-- OAuth2 authorization-code flows under way: one row per authorization request, found by its state, used once,
-- gone stale after ten minutes. The PKCE verifier stays here, never in a URL, for as long as the flow lives.
CREATE TABLE authorizations (
    state         text        PRIMARY KEY,
    tenant        text        NOT NULL,
    connection_id uuid        NOT NULL,
    actor         text        NOT NULL,
    code_verifier text        NOT NULL,
    redirect_uri  text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);

ALTER TABLE connections ADD COLUMN expires_at timestamptz;
ALTER TABLE connections ADD COLUMN granted_scopes text[];
