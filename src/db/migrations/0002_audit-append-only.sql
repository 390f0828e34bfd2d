-- Audit events are append-only for every database role the application uses: updates, deletes and
-- truncation are refused by trigger (issue #2 §7). Only a superuser who disables the trigger can
-- tamper, and `lantern audit verify` then finds the broken link in the hash chain.
CREATE OR REPLACE FUNCTION lantern_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION lantern_audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_audit_append_only();--> statement-breakpoint
-- Every user belongs to exactly one force, except inspectors, who belong to none.
ALTER TABLE users ADD CONSTRAINT users_force_by_role CHECK (
  (role = 'inspector' AND force_id IS NULL) OR (role <> 'inspector' AND force_id IS NOT NULL)
);
