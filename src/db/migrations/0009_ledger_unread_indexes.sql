-- Nothing reads the ledger by session or by seq alone (a user's history pages by (user_id, seq));
-- each index cost every booking and cancellation a write. seq stays unique by its identity.
DROP INDEX "credit_transactions_seq_uq";--> statement-breakpoint
DROP INDEX "credit_transactions_session_idx";
