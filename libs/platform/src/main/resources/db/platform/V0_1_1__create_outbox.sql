-- The transactional outbox: an event row commits with the state change that caused it, or not at all.
-- Unqualified names: each service's Flyway runs this in the service's own schema.
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    topic         text        NOT NULL,
    record_key    text        NOT NULL,
    payload       text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    claimed_by    text,
    claimed_until timestamptz,
    sent_at       timestamptz
);

CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay when a transaction that appended events commits (notifications are sent on commit only).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_appended AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
