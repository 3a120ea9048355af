-- Tells whoever keeps secrets in memory (connected-apps-service's stored credentials) which secret changed, on commit:
-- a new version, a deletion, a re-wrap or an erasure. The payload is the secret's path, never any part of its value.
CREATE FUNCTION notify_secret_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_changes', CASE WHEN TG_OP = 'DELETE' THEN OLD.path ELSE NEW.path END);
    RETURN NULL;
END;
$$;

CREATE TRIGGER secret_changed AFTER INSERT OR UPDATE OR DELETE ON secrets
    FOR EACH ROW EXECUTE FUNCTION notify_secret_change();
