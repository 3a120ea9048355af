-- Events that report no state change of their own (a credential read, a proxied call) are committed by concurrent
-- requests together (OutboxBatcher). A row now holds such a batch whole, per topic: the batch costs PostgreSQL one
-- heap tuple, one index entry and one delete instead of one of each, plus a unique uuid key, per event. A row holds
-- either one event (event_id, record_key, payload: appended in the transaction of the change it reports) or a batch
-- (record_keys and payloads, element by element; each payload carries its own event id).
ALTER TABLE outbox
    ALTER COLUMN event_id DROP NOT NULL,
    ALTER COLUMN record_key DROP NOT NULL,
    ALTER COLUMN payload DROP NOT NULL,
    ADD COLUMN record_keys text[],
    ADD COLUMN payloads text[],
    ADD CONSTRAINT outbox_one_event_or_a_batch CHECK (
        (event_id IS NOT NULL AND record_key IS NOT NULL AND payload IS NOT NULL
            AND record_keys IS NULL AND payloads IS NULL)
        OR (event_id IS NULL AND record_key IS NULL AND payload IS NULL
            AND payloads IS NOT NULL AND record_keys IS NOT NULL
            AND cardinality(payloads) > 0 AND cardinality(record_keys) = cardinality(payloads)));
