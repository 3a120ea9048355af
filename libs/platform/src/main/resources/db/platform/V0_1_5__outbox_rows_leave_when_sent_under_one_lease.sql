-- A row leaves the outbox as soon as the broker has acknowledged it: Kafka is the log. Rows kept for days after
-- sending, and claimed one by one, made each event four writes (insert, claim, mark sent, purge) and grew the table
-- and its indexes with the credential-read traffic. Now an event is two (insert, delete), and one lease per schema
-- says which relay is sending: only one batch was ever in flight per schema anyway.
DELETE FROM outbox WHERE sent_at IS NOT NULL;
-- Drops the partial indexes outbox_pending and outbox_sent with them: every row left is pending, found by its key.
ALTER TABLE outbox DROP COLUMN sent_at, DROP COLUMN claimed_by, DROP COLUMN claimed_until;

-- The relay that holds the lease, until when; until is null when nobody does.
CREATE TABLE outbox_lease (
    only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    holder   text,
    until    timestamptz
);
INSERT INTO outbox_lease DEFAULT VALUES;
