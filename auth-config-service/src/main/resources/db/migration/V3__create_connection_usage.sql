-- What this service learns about connections from their events: which auth config each was made from, and when
-- it last handed out credentials. A credentials read (which names only the connection) may arrive before the
-- connection's creation (two topics, no order between them): its time waits here until the creation names the
-- auth config.
CREATE TABLE connection_usage (
    connection_id  uuid PRIMARY KEY,
    tenant         text NOT NULL,
    auth_config_id uuid,
    last_used_at   timestamptz
);
