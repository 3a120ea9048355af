-- Credentials that will end without a refresh to save them: an access token with no refresh token, or a refresh
-- token with a lifetime the catalog documents. token.expiring goes out once, at warn_at (a threshold before
-- expires_at); warned_at records that it did.
CREATE TABLE expiry_warnings (
    connection_id uuid        PRIMARY KEY,
    tenant        text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    warn_at       timestamptz NOT NULL,
    warned_at     timestamptz
);

CREATE INDEX expiry_warnings_due ON expiry_warnings (warn_at) WHERE warned_at IS NULL;
