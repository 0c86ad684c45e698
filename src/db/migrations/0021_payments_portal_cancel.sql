ALTER TABLE "payment_subscriptions" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "payment_subscriptions" ADD COLUMN "updated_by_provider_at" timestamp with time zone;