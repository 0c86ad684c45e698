CREATE TYPE "public"."registration_payment" AS ENUM('CREDITS', 'COMP', 'AT_DESK');--> statement-breakpoint
ALTER TABLE "session_registrations" ADD COLUMN "payment" "registration_payment" DEFAULT 'CREDITS' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_paid_ck" CHECK ("session_registrations"."paid_at" IS NULL OR "session_registrations"."payment" = 'AT_DESK');