-- The outbox's status becomes an enum built from EMAIL_STATUSES (src/domain/email/email-status.ts).
-- Its default and the partial index that compares it with a 'text' literal are dropped first and
-- made again once the column is an enum (see 0010 for why).
CREATE TYPE "public"."email_status" AS ENUM('PENDING', 'SENDING', 'SENT', 'FAILED');--> statement-breakpoint
DROP INDEX "email_outbox_pending_idx";--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "status" SET DATA TYPE "public"."email_status" USING "status"::"public"."email_status";--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "status" SET DEFAULT 'PENDING'::"public"."email_status";--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("created_at") WHERE status = 'PENDING';--> statement-breakpoint
-- A run's heartbeat: a RUNNING run that has not written one for minutes died with its process.
ALTER TABLE "import_runs" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- A registration whose waitlist closed when the class began is history, like a cancelled one:
-- it no longer keeps the client from being added to that class.
DROP INDEX "session_registrations_live_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "session_registrations_live_uq" ON "session_registrations" USING btree ("session_id","user_id") WHERE "session_registrations"."status" NOT IN ('CANCELLED', 'LATE_CANCELLED', 'WAITLIST_CLOSED');
