-- The audit log. Flyway runs as the schema's owner (quarkus.flyway.username); the service works as a role that
-- may only insert and read audit rows (${service_role}), and only the retention job's role (${retention_role})
-- may delete them. The owner is neither.
--
-- Each tenant's rows form a hash chain in chain_seq order: hash = SHA-256(prev_hash || the row's canonical
-- content), prev_hash being the previous row's hash (32 zero bytes for a tenant's first row). audit_chains holds
-- each tenant's head (its last row) and, once retention has cut the chain, the last deleted row's position and
-- hash, so the first row left still links to something known.
CREATE TABLE audit_events (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- insertion order: the list's cursor
    event_id     uuid        NOT NULL UNIQUE,
    tenant       text        NOT NULL,
    chain_seq    bigint      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    actor_type   text        NOT NULL,   -- user, service or system
    actor_id     text        NOT NULL,
    actor_name   text,
    action       text        NOT NULL,   -- the event's name: connection.authorized, access.denied, ...
    target_type  text        NOT NULL,
    target_id    text        NOT NULL,
    target_name  text,
    outcome      text        NOT NULL,   -- success, failure or denied
    environment  text,
    details      text        NOT NULL,   -- the event's data as JSON, exactly as hashed; never a secret
    prev_hash    bytea       NOT NULL,
    hash         bytea       NOT NULL,
    UNIQUE (tenant, chain_seq)
);

CREATE INDEX audit_events_by_tenant ON audit_events (tenant, seq);
CREATE INDEX audit_events_by_action ON audit_events (tenant, action, seq);
CREATE INDEX audit_events_by_target ON audit_events (tenant, target_type, target_id, seq);
CREATE INDEX audit_events_by_actor ON audit_events (tenant, actor_id, seq);
CREATE INDEX audit_events_by_received ON audit_events (tenant, received_at);
CREATE INDEX audit_events_by_occurred ON audit_events (tenant, occurred_at);

CREATE TABLE audit_chains (
    tenant    text   PRIMARY KEY,
    head_seq  bigint NOT NULL,
    head_hash bytea  NOT NULL,
    cut_seq   bigint NOT NULL DEFAULT 0,   -- the last row retention deleted; 0: none yet
    cut_hash  bytea  NOT NULL              -- its hash; 32 zero bytes while cut_seq is 0
);

-- How long a tenant keeps its audit log, when it differs from latchkey.audit.retention.
CREATE TABLE audit_retention (
    tenant     text        PRIMARY KEY,
    days       integer     NOT NULL CHECK (days > 0),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- The service: everything on the platform's tables (outbox, processed events), insert and read on the audit
-- rows, and of the chain heads only the head; retention: read and delete audit rows, and of the chain heads only
-- the cut. Neither may change what the other records, and nobody may update an audit row. No default privileges:
-- a table added later gets its grants in the migration that adds it (the tests run with these roles, so a missing
-- grant fails them).
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${service_role}, ${retention_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox, processed_events TO ${service_role};
GRANT SELECT, INSERT ON audit_events TO ${service_role};
GRANT SELECT, INSERT, UPDATE (head_seq, head_hash) ON audit_chains TO ${service_role};
GRANT SELECT, INSERT, UPDATE ON audit_retention TO ${service_role};
GRANT SELECT, DELETE ON audit_events TO ${retention_role};
GRANT SELECT, UPDATE (cut_seq, cut_hash) ON audit_chains TO ${retention_role};
GRANT SELECT ON audit_retention TO ${retention_role};
