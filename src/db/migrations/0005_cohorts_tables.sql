CREATE TABLE "check_in_prompts" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text,
	"min_value" double precision,
	"max_value" double precision,
	"better" text,
	"built_in" boolean DEFAULT false NOT NULL,
	"studio_default" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 100 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_prompts_kind_ck" CHECK ("check_in_prompts"."kind" IN ('number', 'scale', 'yes-no', 'text')),
	CONSTRAINT "check_in_prompts_better_ck" CHECK ("check_in_prompts"."better" IS NULL OR "check_in_prompts"."better" IN ('HIGHER', 'LOWER')),
	CONSTRAINT "check_in_prompts_range_ck" CHECK ("check_in_prompts"."min_value" IS NULL OR "check_in_prompts"."max_value" IS NULL OR "check_in_prompts"."min_value" <= "check_in_prompts"."max_value")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"date" date NOT NULL,
	"values" jsonb NOT NULL,
	"cohort_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_check_in_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"weight_unit" text DEFAULT 'KG' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_check_in_preferences_unit_ck" CHECK ("client_check_in_preferences"."weight_unit" IN ('KG', 'LB', 'ST_LB'))
);
--> statement-breakpoint
CREATE TABLE "coach_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"week" integer NOT NULL,
	"message" text NOT NULL,
	"video_url" text,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"author_id" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_feedback_status_ck" CHECK ("coach_feedback"."status" IN ('DRAFT', 'PUBLISHED')),
	CONSTRAINT "coach_feedback_published_ck" CHECK (("coach_feedback"."status" = 'PUBLISHED') = ("coach_feedback"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "coach_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"author_id" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_coaches" (
	"cohort_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_coaches_cohort_id_coach_id_pk" PRIMARY KEY("cohort_id","coach_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"check_in_cadence_days" integer,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"added_by" text,
	CONSTRAINT "cohort_memberships_status_ck" CHECK ("cohort_memberships"."status" IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'WITHDRAWN')),
	CONSTRAINT "cohort_memberships_cadence_ck" CHECK ("cohort_memberships"."check_in_cadence_days" IS NULL OR "cohort_memberships"."check_in_cadence_days" BETWEEN 1 AND 14)
);
--> statement-breakpoint
CREATE TABLE "cohort_nudges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"sent_by" text,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_prompts" (
	"cohort_id" uuid NOT NULL,
	"prompt_key" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "cohort_prompts_cohort_id_prompt_key_pk" PRIMARY KEY("cohort_id","prompt_key")
);
--> statement-breakpoint
CREATE TABLE "cohort_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_questionnaires_week_ck" CHECK ("cohort_questionnaires"."week" >= 1)
);
--> statement-breakpoint
CREATE TABLE "cohort_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_weeks" integer,
	"default_prompts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_questionnaire" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_types_weeks_ck" CHECK ("cohort_types"."default_weeks" IS NULL OR "cohort_types"."default_weeks" BETWEEN 1 AND 52)
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type_id" uuid,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"start_date" date NOT NULL,
	"weeks" integer,
	"end_date" date,
	"capacity" integer,
	"check_in_cadence_days" integer DEFAULT 1 NOT NULL,
	"check_in_backfill_days" integer DEFAULT 2 NOT NULL,
	"questionnaire_opens_days_before_week_end" integer DEFAULT 1 NOT NULL,
	"check_in_reminder_time" text DEFAULT '19:00' NOT NULL,
	"default_questionnaire" jsonb NOT NULL,
	"membership_plan_id" uuid,
	"completed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_status_ck" CHECK ("cohorts"."status" IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED')),
	CONSTRAINT "cohorts_weeks_ck" CHECK ("cohorts"."weeks" IS NULL OR "cohorts"."weeks" BETWEEN 1 AND 52),
	CONSTRAINT "cohorts_end_date_ck" CHECK (("cohorts"."weeks" IS NULL AND "cohorts"."end_date" IS NULL) OR "cohorts"."end_date" = "cohorts"."start_date" + ("cohorts"."weeks" * 7 - 1)),
	CONSTRAINT "cohorts_capacity_ck" CHECK ("cohorts"."capacity" IS NULL OR "cohorts"."capacity" BETWEEN 1 AND 500),
	CONSTRAINT "cohorts_cadence_ck" CHECK ("cohorts"."check_in_cadence_days" BETWEEN 1 AND 14),
	CONSTRAINT "cohorts_backfill_ck" CHECK ("cohorts"."check_in_backfill_days" BETWEEN 0 AND 14),
	CONSTRAINT "cohorts_questionnaire_opens_ck" CHECK ("cohorts"."questionnaire_opens_days_before_week_end" BETWEEN 1 AND 5),
	CONSTRAINT "cohorts_reminder_time_ck" CHECK ("cohorts"."check_in_reminder_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"user_id" text NOT NULL,
	"answers" jsonb NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_responses_status_ck" CHECK ("questionnaire_responses"."status" IN ('DRAFT', 'SUBMITTED')),
	CONSTRAINT "questionnaire_responses_submitted_ck" CHECK (("questionnaire_responses"."status" = 'SUBMITTED') = ("questionnaire_responses"."submitted_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "check_in_prompts" ADD CONSTRAINT "check_in_prompts_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_check_in_preferences" ADD CONSTRAINT "client_check_in_preferences_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_feedback" ADD CONSTRAINT "coach_feedback_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_feedback" ADD CONSTRAINT "coach_feedback_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_feedback" ADD CONSTRAINT "coach_feedback_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_notes" ADD CONSTRAINT "coach_notes_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_notes" ADD CONSTRAINT "coach_notes_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_notes" ADD CONSTRAINT "coach_notes_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_coaches" ADD CONSTRAINT "cohort_coaches_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_coaches" ADD CONSTRAINT "cohort_coaches_coach_id_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_memberships" ADD CONSTRAINT "cohort_memberships_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_memberships" ADD CONSTRAINT "cohort_memberships_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_memberships" ADD CONSTRAINT "cohort_memberships_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_nudges" ADD CONSTRAINT "cohort_nudges_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_nudges" ADD CONSTRAINT "cohort_nudges_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_nudges" ADD CONSTRAINT "cohort_nudges_sent_by_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_prompts" ADD CONSTRAINT "cohort_prompts_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_prompts" ADD CONSTRAINT "cohort_prompts_prompt_key_check_in_prompts_key_fk" FOREIGN KEY ("prompt_key") REFERENCES "public"."check_in_prompts"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_questionnaires" ADD CONSTRAINT "cohort_questionnaires_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_questionnaires" ADD CONSTRAINT "cohort_questionnaires_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_types" ADD CONSTRAINT "cohort_types_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_type_id_cohort_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."cohort_types"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_membership_plan_id_membership_plans_id_fk" FOREIGN KEY ("membership_plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_questionnaire_id_cohort_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."cohort_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_user_date_uq" ON "check_ins" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "coach_feedback_user_cohort_week_uq" ON "coach_feedback" USING btree ("user_id","cohort_id","week");--> statement-breakpoint
CREATE INDEX "coach_notes_cohort_user_idx" ON "coach_notes" USING btree ("cohort_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_coaches_one_lead_uq" ON "cohort_coaches" USING btree ("cohort_id") WHERE "cohort_coaches"."is_lead";--> statement-breakpoint
CREATE INDEX "cohort_coaches_coach_idx" ON "cohort_coaches" USING btree ("coach_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_memberships_cohort_user_uq" ON "cohort_memberships" USING btree ("cohort_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_memberships_one_current_uq" ON "cohort_memberships" USING btree ("user_id") WHERE "cohort_memberships"."status" IN ('ACTIVE', 'PAUSED');--> statement-breakpoint
CREATE INDEX "cohort_memberships_cohort_status_idx" ON "cohort_memberships" USING btree ("cohort_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_nudges_user_day_uq" ON "cohort_nudges" USING btree ("user_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_questionnaires_cohort_week_uq" ON "cohort_questionnaires" USING btree ("cohort_id","week");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_types_name_uq" ON "cohort_types" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "cohorts_status_idx" ON "cohorts" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_cohort_week_user_uq" ON "questionnaire_responses" USING btree ("cohort_id","week","user_id");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_submitted_idx" ON "questionnaire_responses" USING btree ("cohort_id","submitted_at") WHERE "questionnaire_responses"."status" = 'SUBMITTED';