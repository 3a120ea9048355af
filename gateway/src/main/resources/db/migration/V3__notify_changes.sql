-- Each replica keeps connections' APIs (their credentials applied) in memory between changes (KeptApis); these
-- triggers tell every replica what changed, on commit, as the path of what changed (tenants/{tenant}/{kind}/{id}, the
-- form of a secret's path).
CREATE FUNCTION notify_connection_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_changes', 'tenants/' || OLD.tenant || '/connections/' || OLD.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER connection_changed AFTER UPDATE OR DELETE ON connections
    FOR EACH ROW EXECUTE FUNCTION notify_connection_change();

CREATE FUNCTION notify_auth_config_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify(TG_TABLE_SCHEMA || '_changes', 'tenants/' || OLD.tenant || '/auth-configs/' || OLD.id);
    ELSE
        PERFORM pg_notify(TG_TABLE_SCHEMA || '_changes', 'tenants/' || NEW.tenant || '/auth-configs/' || NEW.id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER auth_config_changed AFTER INSERT OR UPDATE OR DELETE ON auth_configs
    FOR EACH ROW EXECUTE FUNCTION notify_auth_config_change();
