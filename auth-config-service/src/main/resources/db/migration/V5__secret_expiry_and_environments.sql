-- When an auth config's secret (a client secret, an API key) stops working, as its owner says: warnings go out at
-- each threshold before then (expiry_warning_at: when the next is due; warning: what it says) and the status turns
-- EXPIRED once it has passed (status_reason says why, as it says why a test left it ERROR).
ALTER TABLE auth_configs
    ADD COLUMN secret_expires_at timestamptz,
    ADD COLUMN expiry_warning_at timestamptz,
    ADD COLUMN warning           text,
    ADD COLUMN status_reason     text;
CREATE INDEX auth_configs_expiry_warnings ON auth_configs (expiry_warning_at) WHERE expiry_warning_at IS NOT NULL;
CREATE INDEX auth_configs_secret_expiries ON auth_configs (secret_expires_at)
    WHERE secret_expires_at IS NOT NULL AND status <> 'EXPIRED';

-- The environment each connection is in, from its creation event: an auth config's environment is set only where
-- its connections are. Null for connections known before this column.
ALTER TABLE connection_usage ADD COLUMN environment text;
