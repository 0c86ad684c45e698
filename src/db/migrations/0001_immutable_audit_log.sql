-- Append-only tables: a shared trigger function that refuses UPDATE and DELETE.
-- Areas with immutable rows (audit log, credit ledger) attach it to their table.
CREATE OR REPLACE FUNCTION roster_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION roster_refuse_change();
