-- Every connection whose token Latchkey refreshes (authorization code with a refresh token, or client
-- credentials), from connection events. refresh_at is when the next refresh is due; a worker or an on-demand
-- caller takes a connection by setting a lease (lease_owner, lease_until) that outlives the token request's
-- timeout, so one refresh runs at a time whatever the number of replicas.
CREATE TABLE refresh_schedule (
    connection_id  uuid        PRIMARY KEY,
    tenant         text        NOT NULL,
    auth_config_id uuid        NOT NULL,
    expires_at     timestamptz,
    refresh_at     timestamptz,
    issued_at      timestamptz NOT NULL,   -- when the stored token was obtained (authorized or refreshed)
    attempts       integer     NOT NULL DEFAULT 0,
    last_error     text,
    lease_owner    text,
    lease_until    timestamptz,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX refresh_schedule_due ON refresh_schedule (refresh_at) WHERE lease_owner IS NULL;
