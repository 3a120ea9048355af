-- State changed by the outbox and idempotent-consumer tests, standing in for a service's own tables.
CREATE TABLE test_note (
    id   uuid PRIMARY KEY,
    text text NOT NULL
);
