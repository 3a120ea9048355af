-- Warnings go out at several thresholds: a row stays while a warning is ahead (warn_at is the next one) and is
-- removed after the last, so warned_at has nothing left to record.
ALTER TABLE expiry_warnings DROP COLUMN warned_at;

CREATE INDEX expiry_warnings_due ON expiry_warnings (warn_at);
