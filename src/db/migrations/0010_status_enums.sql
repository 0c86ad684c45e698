-- Statuses and kinds become PostgreSQL enums built from the domain's constants (src/db/schema/enums.ts);
-- the CHECK constraints that listed their values go. Changing a column's type re-checks every
-- constraint and partial index that mentions it, and their stored text compares with 'text'
-- literals ("status = 'CANCELLED'::text"), which an enum has no operator for: those are dropped
-- here and created again, word for word, once the columns are enums. Column defaults likewise.
CREATE TYPE "public"."cohort_membership_status" AS ENUM('ACTIVE', 'PAUSED', 'COMPLETED', 'WITHDRAWN');
--> statement-breakpoint
CREATE TYPE "public"."cohort_status" AS ENUM('DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED');
--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('DRAFT', 'PUBLISHED');
--> statement-breakpoint
CREATE TYPE "public"."grant_source" AS ENUM('PLAN_ALLOCATION', 'PACK_PURCHASE', 'ADJUSTMENT');
--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('GRANT', 'CONSUME', 'REFUND', 'ADJUST', 'EXPIRE');
--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('ACTIVE', 'PAUSED', 'CANCELLED', 'EXPIRED');
--> statement-breakpoint
CREATE TYPE "public"."plan_type" AS ENUM('RECURRING', 'PACK', 'PREPAID');
--> statement-breakpoint
CREATE TYPE "public"."prompt_direction" AS ENUM('HIGHER', 'LOWER');
--> statement-breakpoint
CREATE TYPE "public"."prompt_kind" AS ENUM('number', 'scale', 'yes-no', 'text');
--> statement-breakpoint
CREATE TYPE "public"."questionnaire_response_status" AS ENUM('DRAFT', 'SUBMITTED');
--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('REGISTERED', 'WAITLISTED', 'CANCELLED', 'LATE_CANCELLED', 'ATTENDED', 'NO_SHOW', 'WAITLIST_CLOSED');
--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('SCHEDULED', 'CANCELLED', 'COMPLETED');
--> statement-breakpoint
CREATE TYPE "public"."weight_unit" AS ENUM('KG', 'LB', 'ST_LB');
--> statement-breakpoint
ALTER TABLE "credit_grants" DROP CONSTRAINT "credit_grants_source_ck";
--> statement-breakpoint
ALTER TABLE "credit_transactions" DROP CONSTRAINT "credit_transactions_kind_ck";
--> statement-breakpoint
ALTER TABLE "membership_plans" DROP CONSTRAINT "membership_plans_type_ck";
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_status_ck";
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_plan_type_ck";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_status_ck";
--> statement-breakpoint
ALTER TABLE "session_registrations" DROP CONSTRAINT "session_registrations_status_ck";
--> statement-breakpoint
ALTER TABLE "check_in_prompts" DROP CONSTRAINT "check_in_prompts_kind_ck";
--> statement-breakpoint
ALTER TABLE "check_in_prompts" DROP CONSTRAINT "check_in_prompts_better_ck";
--> statement-breakpoint
ALTER TABLE "client_check_in_preferences" DROP CONSTRAINT "client_check_in_preferences_unit_ck";
--> statement-breakpoint
ALTER TABLE "coach_feedback" DROP CONSTRAINT "coach_feedback_status_ck";
--> statement-breakpoint
ALTER TABLE "cohort_memberships" DROP CONSTRAINT "cohort_memberships_status_ck";
--> statement-breakpoint
ALTER TABLE "cohorts" DROP CONSTRAINT "cohorts_status_ck";
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "questionnaire_responses_status_ck";
--> statement-breakpoint
ALTER TABLE "session_registrations" DROP CONSTRAINT "session_registrations_position_ck";
--> statement-breakpoint
ALTER TABLE "credit_grants" DROP CONSTRAINT "credit_grants_week_ck";
--> statement-breakpoint
ALTER TABLE "credit_transactions" DROP CONSTRAINT "credit_transactions_sign_ck";
--> statement-breakpoint
ALTER TABLE "membership_plans" DROP CONSTRAINT "membership_plans_fields_by_type_ck";
--> statement-breakpoint
ALTER TABLE "coach_feedback" DROP CONSTRAINT "coach_feedback_published_ck";
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "questionnaire_responses_submitted_ck";
--> statement-breakpoint
DROP INDEX "sessions_slot_uq";
--> statement-breakpoint
DROP INDEX "session_registrations_live_uq";
--> statement-breakpoint
DROP INDEX "credit_grants_pack_purchase_uq";
--> statement-breakpoint
DROP INDEX "memberships_one_term_plan_per_user_uq";
--> statement-breakpoint
DROP INDEX "memberships_active_idx";
--> statement-breakpoint
DROP INDEX "cohort_memberships_one_current_uq";
--> statement-breakpoint
DROP INDEX "questionnaire_responses_submitted_idx";
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "client_check_in_preferences" ALTER COLUMN "weight_unit" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "coach_feedback" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "cohort_memberships" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "credit_grants" ALTER COLUMN "source" SET DATA TYPE "public"."grant_source" USING "source"::"public"."grant_source";
--> statement-breakpoint
ALTER TABLE "credit_transactions" ALTER COLUMN "kind" SET DATA TYPE "public"."ledger_kind" USING "kind"::"public"."ledger_kind";
--> statement-breakpoint
ALTER TABLE "membership_plans" ALTER COLUMN "type" SET DATA TYPE "public"."plan_type" USING "type"::"public"."plan_type";
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "plan_type" SET DATA TYPE "public"."plan_type" USING "plan_type"::"public"."plan_type";
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "status" SET DATA TYPE "public"."membership_status" USING "status"::"public"."membership_status";
--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "status" SET DATA TYPE "public"."session_status" USING "status"::"public"."session_status";
--> statement-breakpoint
ALTER TABLE "session_registrations" ALTER COLUMN "status" SET DATA TYPE "public"."registration_status" USING "status"::"public"."registration_status";
--> statement-breakpoint
ALTER TABLE "check_in_prompts" ALTER COLUMN "kind" SET DATA TYPE "public"."prompt_kind" USING "kind"::"public"."prompt_kind";
--> statement-breakpoint
ALTER TABLE "check_in_prompts" ALTER COLUMN "better" SET DATA TYPE "public"."prompt_direction" USING "better"::"public"."prompt_direction";
--> statement-breakpoint
ALTER TABLE "client_check_in_preferences" ALTER COLUMN "weight_unit" SET DATA TYPE "public"."weight_unit" USING "weight_unit"::"public"."weight_unit";
--> statement-breakpoint
ALTER TABLE "coach_feedback" ALTER COLUMN "status" SET DATA TYPE "public"."feedback_status" USING "status"::"public"."feedback_status";
--> statement-breakpoint
ALTER TABLE "cohort_memberships" ALTER COLUMN "status" SET DATA TYPE "public"."cohort_membership_status" USING "status"::"public"."cohort_membership_status";
--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" SET DATA TYPE "public"."cohort_status" USING "status"::"public"."cohort_status";
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ALTER COLUMN "status" SET DATA TYPE "public"."questionnaire_response_status" USING "status"::"public"."questionnaire_response_status";
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "status" SET DEFAULT 'ACTIVE'::"public"."membership_status";
--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "status" SET DEFAULT 'SCHEDULED'::"public"."session_status";
--> statement-breakpoint
ALTER TABLE "client_check_in_preferences" ALTER COLUMN "weight_unit" SET DEFAULT 'KG'::"public"."weight_unit";
--> statement-breakpoint
ALTER TABLE "coach_feedback" ALTER COLUMN "status" SET DEFAULT 'DRAFT'::"public"."feedback_status";
--> statement-breakpoint
ALTER TABLE "cohort_memberships" ALTER COLUMN "status" SET DEFAULT 'ACTIVE'::"public"."cohort_membership_status";
--> statement-breakpoint
ALTER TABLE "cohorts" ALTER COLUMN "status" SET DEFAULT 'ACTIVE'::"public"."cohort_status";
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ALTER COLUMN "status" SET DEFAULT 'DRAFT'::"public"."questionnaire_response_status";
--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_position_ck" CHECK (("session_registrations"."status" = 'WAITLISTED') = ("session_registrations"."waitlist_position" IS NOT NULL) AND ("session_registrations"."waitlist_position" IS NULL OR "session_registrations"."waitlist_position" >= 1));
--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_week_ck" CHECK (("credit_grants"."source" = 'PLAN_ALLOCATION') = ("credit_grants"."week_start" IS NOT NULL));
--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_sign_ck" CHECK (("credit_transactions"."kind" IN ('GRANT', 'REFUND') AND "credit_transactions"."amount" > 0) OR ("credit_transactions"."kind" IN ('CONSUME', 'EXPIRE') AND "credit_transactions"."amount" < 0) OR ("credit_transactions"."kind" = 'ADJUST' AND "credit_transactions"."amount" <> 0));
--> statement-breakpoint
ALTER TABLE "membership_plans" ADD CONSTRAINT "membership_plans_fields_by_type_ck" CHECK (("membership_plans"."type" = 'RECURRING' AND "membership_plans"."credits_per_week" > 0)
        OR ("membership_plans"."type" = 'PACK' AND "membership_plans"."total_credits" > 0)
        OR ("membership_plans"."type" = 'PREPAID' AND "membership_plans"."credits_per_week" > 0 AND "membership_plans"."duration_days" > 0));
--> statement-breakpoint
ALTER TABLE "coach_feedback" ADD CONSTRAINT "coach_feedback_published_ck" CHECK (("coach_feedback"."status" = 'PUBLISHED') = ("coach_feedback"."published_at" IS NOT NULL));
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_submitted_ck" CHECK (("questionnaire_responses"."status" = 'SUBMITTED') = ("questionnaire_responses"."submitted_at" IS NOT NULL));
--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_slot_uq" ON "sessions" USING btree ("class_type_id","coach_id","start_time") WHERE "sessions"."status" <> 'CANCELLED';
--> statement-breakpoint
CREATE UNIQUE INDEX "session_registrations_live_uq" ON "session_registrations" USING btree ("session_id","user_id") WHERE "session_registrations"."status" NOT IN ('CANCELLED', 'LATE_CANCELLED');
--> statement-breakpoint
CREATE UNIQUE INDEX "credit_grants_pack_purchase_uq" ON "credit_grants" USING btree ("membership_id") WHERE source = 'PACK_PURCHASE';
--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_term_plan_per_user_uq" ON "memberships" USING btree ("user_id") WHERE status IN ('ACTIVE', 'PAUSED') AND plan_type IN ('RECURRING', 'PREPAID');
--> statement-breakpoint
CREATE INDEX "memberships_active_idx" ON "memberships" USING btree ("status") WHERE status = 'ACTIVE';
--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_memberships_one_current_uq" ON "cohort_memberships" USING btree ("user_id") WHERE "cohort_memberships"."status" IN ('ACTIVE', 'PAUSED');
--> statement-breakpoint
CREATE INDEX "questionnaire_responses_submitted_idx" ON "questionnaire_responses" USING btree ("cohort_id","submitted_at") WHERE "questionnaire_responses"."status" = 'SUBMITTED';
