-- A row leaves the outbox as soon as the broker has acknowledged it: Kafka is the log. Rows kept for days after
-- sending made each event four writes (insert, claim, mark sent, purge) and grew the table and its indexes with the
-- credential-read traffic, which every claim then scanned.
DELETE FROM outbox WHERE sent_at IS NOT NULL;
-- Drops the partial indexes outbox_pending and outbox_sent with it: every row left is pending, found by its key.
ALTER TABLE outbox DROP COLUMN sent_at;
