-- The audit log is append-only. Nothing in Heard updates or deletes audit rows (retention and
-- erasure record what they did here, and keep these rows), so the database refuses both, and
-- TRUNCATE, for every role, the owner and superusers included. On PostgreSQL the application role
-- also loses UPDATE, DELETE and TRUNCATE on the table (migrate.ts grantApplicationRole).
-- Should the audit log ever get a retention period, its deletion belongs in a function owned and
-- run by the role that owns the schema, never in the application.
CREATE FUNCTION heard_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION heard_refuse_audit_change();

CREATE TRIGGER audit_events_never_truncated
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION heard_refuse_audit_change();
