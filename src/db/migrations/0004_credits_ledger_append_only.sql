-- The credit ledger is append-only: a movement of credits is corrected by a new row, never by
-- changing or deleting an old one.
CREATE TRIGGER credit_transactions_append_only BEFORE UPDATE OR DELETE ON credit_transactions
  FOR EACH ROW EXECUTE FUNCTION roster_refuse_change();
