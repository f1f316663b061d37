-- The legal trace is never rewritten: request events and audit rows are append-only.
-- Written by hand (the schema diff cannot express triggers).
CREATE OR REPLACE FUNCTION refuse_trace_rewrite() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RequestEvent_append_only"
  BEFORE UPDATE OR DELETE ON "RequestEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_trace_rewrite();

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION refuse_trace_rewrite();

-- TRUNCATE bypasses row triggers: refuse it too.
CREATE TRIGGER "RequestEvent_no_truncate"
  BEFORE TRUNCATE ON "RequestEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_rewrite();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_rewrite();
