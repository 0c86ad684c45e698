CREATE TYPE "public"."registration_payment" AS ENUM('CREDITS', 'COMP', 'AT_DESK');--> statement-breakpoint
ALTER TABLE "session_notification_preferences" ALTER COLUMN "reminders" SET DEFAULT true;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "pause_from" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "pause_until" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD COLUMN "payment" "registration_payment" DEFAULT 'CREDITS' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD COLUMN "ongoing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD COLUMN "duration_mins" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pause_ck" CHECK (("memberships"."pause_from" IS NULL) = ("memberships"."pause_until" IS NULL) AND ("memberships"."pause_from" IS NULL OR "memberships"."pause_until" >= "memberships"."pause_from"));--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_paid_ck" CHECK ("session_registrations"."paid_at" IS NULL OR "session_registrations"."payment" = 'AT_DESK');