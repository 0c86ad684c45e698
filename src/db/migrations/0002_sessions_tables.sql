CREATE TABLE "calendar_feed_tokens" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_type_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"schedule_id" uuid,
	"title" text NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'SCHEDULED' NOT NULL,
	"credit_cost" integer NOT NULL,
	"registrations_open_at" timestamp with time zone NOT NULL,
	"registrations_close_at" timestamp with time zone NOT NULL,
	"late_cancels_after" timestamp with time zone NOT NULL,
	"registered_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_status_ck" CHECK ("sessions"."status" IN ('SCHEDULED', 'CANCELLED', 'COMPLETED')),
	CONSTRAINT "sessions_time_ck" CHECK ("sessions"."end_time" > "sessions"."start_time"),
	CONSTRAINT "sessions_capacity_ck" CHECK ("sessions"."capacity" >= 0),
	CONSTRAINT "sessions_cost_ck" CHECK ("sessions"."credit_cost" >= 0),
	CONSTRAINT "sessions_counts_ck" CHECK ("sessions"."registered_count" >= 0 AND "sessions"."waitlist_count" >= 0 AND "sessions"."registered_count" <= "sessions"."capacity")
);
--> statement-breakpoint
CREATE TABLE "class_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"color" text DEFAULT '#452ddb' NOT NULL,
	"default_capacity" integer NOT NULL,
	"default_duration_mins" integer NOT NULL,
	"credit_cost" integer DEFAULT 1 NOT NULL,
	"booking_opens_hours_before" integer DEFAULT 336 NOT NULL,
	"booking_closes_minutes_before" integer DEFAULT 0 NOT NULL,
	"late_cancel_hours_before" integer DEFAULT 2 NOT NULL,
	"waitlist_limit" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_types_capacity_ck" CHECK ("class_types"."default_capacity" > 0),
	CONSTRAINT "class_types_duration_ck" CHECK ("class_types"."default_duration_mins" > 0),
	CONSTRAINT "class_types_cost_ck" CHECK ("class_types"."credit_cost" >= 0),
	CONSTRAINT "class_types_windows_ck" CHECK ("class_types"."booking_opens_hours_before" >= 0 AND "class_types"."booking_closes_minutes_before" >= 0 AND "class_types"."late_cancel_hours_before" >= 0),
	CONSTRAINT "class_types_waitlist_ck" CHECK ("class_types"."waitlist_limit" IS NULL OR "class_types"."waitlist_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_notification_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"booking_confirmations" boolean DEFAULT false NOT NULL,
	"reminders" boolean DEFAULT false NOT NULL,
	"reminder_hours_before" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_notification_preferences_hours_ck" CHECK ("session_notification_preferences"."reminder_hours_before" BETWEEN 1 AND 48)
);
--> statement-breakpoint
CREATE TABLE "session_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"waitlist_position" integer,
	"credits_consumed" integer DEFAULT 0 NOT NULL,
	"booked_by" text,
	"registered_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"attendance_marked_at" timestamp with time zone,
	"attendance_marked_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_registrations_status_ck" CHECK ("session_registrations"."status" IN ('REGISTERED', 'WAITLISTED', 'CANCELLED', 'LATE_CANCELLED', 'ATTENDED', 'NO_SHOW')),
	CONSTRAINT "session_registrations_position_ck" CHECK (("session_registrations"."status" = 'WAITLISTED') = ("session_registrations"."waitlist_position" IS NOT NULL) AND ("session_registrations"."waitlist_position" IS NULL OR "session_registrations"."waitlist_position" >= 1))
);
--> statement-breakpoint
CREATE TABLE "session_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_type_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"days_of_week" text[] NOT NULL,
	"local_time" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"timezone" text NOT NULL,
	"capacity" integer NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_class_type_id_class_types_id_fk" FOREIGN KEY ("class_type_id") REFERENCES "public"."class_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_schedule_id_session_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."session_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_cancelled_by_user_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notification_preferences" ADD CONSTRAINT "session_notification_preferences_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_booked_by_user_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_cancelled_by_user_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_attendance_marked_by_user_id_fk" FOREIGN KEY ("attendance_marked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD CONSTRAINT "session_schedules_class_type_id_class_types_id_fk" FOREIGN KEY ("class_type_id") REFERENCES "public"."class_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD CONSTRAINT "session_schedules_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_schedules" ADD CONSTRAINT "session_schedules_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_start_idx" ON "sessions" USING btree ("start_time");--> statement-breakpoint
CREATE INDEX "sessions_schedule_idx" ON "sessions" USING btree ("schedule_id","start_time");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_slot_uq" ON "sessions" USING btree ("class_type_id","coach_id","start_time") WHERE "sessions"."status" <> 'CANCELLED';--> statement-breakpoint
CREATE UNIQUE INDEX "class_types_name_uq" ON "class_types" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "session_registrations_live_uq" ON "session_registrations" USING btree ("session_id","user_id") WHERE "session_registrations"."status" NOT IN ('CANCELLED', 'LATE_CANCELLED');--> statement-breakpoint
CREATE INDEX "session_registrations_session_idx" ON "session_registrations" USING btree ("session_id","status","waitlist_position");--> statement-breakpoint
CREATE INDEX "session_registrations_user_idx" ON "session_registrations" USING btree ("user_id","status");