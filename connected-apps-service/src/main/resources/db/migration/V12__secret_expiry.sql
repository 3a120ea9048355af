-- When a connection's own secret (an API key, a password) stops working, as its owner says: warnings go out at each
-- threshold before then (expiry_warning_at: when the next is due; the warning column says it) and the status turns
-- EXPIRED once it has passed (status_reason says why).
ALTER TABLE connections
    ADD COLUMN secret_expires_at timestamptz,
    ADD COLUMN expiry_warning_at timestamptz;
CREATE INDEX connections_expiry_warnings ON connections (expiry_warning_at) WHERE expiry_warning_at IS NOT NULL;
CREATE INDEX connections_secret_expiries ON connections (secret_expires_at)
    WHERE secret_expires_at IS NOT NULL AND status <> 'EXPIRED';
