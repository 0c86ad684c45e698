CREATE TYPE "public"."appointment_status" AS ENUM('BOOKED', 'CANCELLED', 'LATE_CANCELLED', 'ATTENDED', 'NO_SHOW');--> statement-breakpoint
CREATE TABLE "appointment_service_coaches" (
	"service_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	CONSTRAINT "appointment_service_coaches_service_id_coach_id_pk" PRIMARY KEY("service_id","coach_id")
);
--> statement-breakpoint
CREATE TABLE "appointment_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"color" text DEFAULT '#0f766e' NOT NULL,
	"duration_mins" integer NOT NULL,
	"buffer_before_mins" integer DEFAULT 0 NOT NULL,
	"buffer_after_mins" integer DEFAULT 0 NOT NULL,
	"start_interval_mins" integer DEFAULT 30 NOT NULL,
	"min_notice_hours" integer DEFAULT 12 NOT NULL,
	"booking_horizon_days" integer DEFAULT 30 NOT NULL,
	"late_cancel_hours_before" integer DEFAULT 24 NOT NULL,
	"credit_cost" integer DEFAULT 1 NOT NULL,
	"self_bookable" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_services_duration_ck" CHECK ("appointment_services"."duration_mins" BETWEEN 5 AND 480),
	CONSTRAINT "appointment_services_buffers_ck" CHECK ("appointment_services"."buffer_before_mins" >= 0 AND "appointment_services"."buffer_after_mins" >= 0),
	CONSTRAINT "appointment_services_interval_ck" CHECK ("appointment_services"."start_interval_mins" IN (15, 30, 60)),
	CONSTRAINT "appointment_services_horizon_ck" CHECK ("appointment_services"."booking_horizon_days" BETWEEN 1 AND 365),
	CONSTRAINT "appointment_services_rules_ck" CHECK ("appointment_services"."min_notice_hours" >= 0 AND "appointment_services"."late_cancel_hours_before" >= 0),
	CONSTRAINT "appointment_services_cost_ck" CHECK ("appointment_services"."credit_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"busy_from" timestamp with time zone NOT NULL,
	"busy_until" timestamp with time zone NOT NULL,
	"status" "appointment_status" DEFAULT 'BOOKED' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"coach_notes" text DEFAULT '' NOT NULL,
	"late_cancels_after" timestamp with time zone NOT NULL,
	"booked_by" text,
	"comp_reason" text,
	"cancelled_at" timestamp with time zone,
	"attendance_marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_time_ck" CHECK ("appointments"."end_time" > "appointments"."start_time"),
	CONSTRAINT "appointments_busy_ck" CHECK ("appointments"."busy_from" <= "appointments"."start_time" AND "appointments"."busy_until" >= "appointments"."end_time")
);
--> statement-breakpoint
CREATE TABLE "coach_date_overrides" (
	"coach_id" text NOT NULL,
	"date" date NOT NULL,
	"ranges" jsonb NOT NULL,
	CONSTRAINT "coach_date_overrides_coach_id_date_pk" PRIMARY KEY("coach_id","date")
);
--> statement-breakpoint
CREATE TABLE "coach_time_off" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "coach_time_off_dates_ck" CHECK ("coach_time_off"."to_date" >= "coach_time_off"."from_date")
);
--> statement-breakpoint
CREATE TABLE "coach_weekly_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" text NOT NULL,
	"weekday" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	CONSTRAINT "coach_weekly_hours_weekday_ck" CHECK ("coach_weekly_hours"."weekday" IN ('MON','TUE','WED','THU','FRI','SAT','SUN')),
	CONSTRAINT "coach_weekly_hours_time_ck" CHECK ("coach_weekly_hours"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "coach_weekly_hours"."end_time" ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' AND "coach_weekly_hours"."end_time" > "coach_weekly_hours"."start_time")
);
--> statement-breakpoint
CREATE TABLE "plan_appointment_services" (
	"plan_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "plan_appointment_services_plan_id_service_id_pk" PRIMARY KEY("plan_id","service_id")
);
--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "membership_plans" ADD COLUMN "covers_all_class_types" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_service_coaches" ADD CONSTRAINT "appointment_service_coaches_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_service_coaches" ADD CONSTRAINT "appointment_service_coaches_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_id_user_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_user_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_date_overrides" ADD CONSTRAINT "coach_date_overrides_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_time_off" ADD CONSTRAINT "coach_time_off_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_weekly_hours" ADD CONSTRAINT "coach_weekly_hours_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_appointment_services" ADD CONSTRAINT "plan_appointment_services_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_appointment_services" ADD CONSTRAINT "plan_appointment_services_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_service_coaches_coach_idx" ON "appointment_service_coaches" USING btree ("coach_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_services_name_uq" ON "appointment_services" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "appointments_client_idx" ON "appointments" USING btree ("client_id","start_time");--> statement-breakpoint
CREATE INDEX "appointments_coach_idx" ON "appointments" USING btree ("coach_id","start_time");--> statement-breakpoint
CREATE INDEX "appointments_start_idx" ON "appointments" USING btree ("start_time");--> statement-breakpoint
CREATE INDEX "coach_time_off_coach_idx" ON "coach_time_off" USING btree ("coach_id","to_date");--> statement-breakpoint
CREATE INDEX "coach_weekly_hours_coach_idx" ON "coach_weekly_hours" USING btree ("coach_id");--> statement-breakpoint
CREATE INDEX "credit_transactions_appointment_idx" ON "credit_transactions" USING btree ("appointment_id") WHERE appointment_id IS NOT NULL;--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot express these).
-- Plans that listed no class types covered every class type: that rule is now the explicit flag (ADR 0017).
UPDATE "membership_plans" p SET "covers_all_class_types" = NOT EXISTS (SELECT 1 FROM "plan_class_types" pc WHERE pc."plan_id" = p."id");--> statement-breakpoint
-- A coach is in one place at a time: no two live appointments of a coach have overlapping busy
-- ranges (buffers included). Enforced here, so two bookings racing for one slot cannot both commit.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_coach_busy_excl" EXCLUDE USING gist (
	"coach_id" WITH =,
	tstzrange("busy_from", "busy_until", '[)') WITH &&
) WHERE ("status" IN ('BOOKED', 'ATTENDED', 'NO_SHOW'));
