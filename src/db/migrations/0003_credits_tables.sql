CREATE TABLE "credit_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"membership_id" uuid,
	"source" text NOT NULL,
	"amount" integer NOT NULL,
	"remaining" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"week_start" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_grants_source_ck" CHECK ("credit_grants"."source" IN ('PLAN_ALLOCATION', 'PACK_PURCHASE', 'ADJUSTMENT')),
	CONSTRAINT "credit_grants_remaining_ck" CHECK ("credit_grants"."remaining" >= 0 AND "credit_grants"."remaining" <= "credit_grants"."amount"),
	CONSTRAINT "credit_grants_amount_ck" CHECK ("credit_grants"."amount" > 0),
	CONSTRAINT "credit_grants_window_ck" CHECK ("credit_grants"."valid_until" IS NULL OR "credit_grants"."valid_until" > "credit_grants"."valid_from"),
	CONSTRAINT "credit_grants_week_ck" CHECK (("credit_grants"."source" = 'PLAN_ALLOCATION') = ("credit_grants"."week_start" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "credit_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "credit_transactions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"grant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"reason_code" text NOT NULL,
	"description" text NOT NULL,
	"registration_id" uuid,
	"session_id" uuid,
	"actor_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_transactions_kind_ck" CHECK ("credit_transactions"."kind" IN ('GRANT', 'CONSUME', 'REFUND', 'ADJUST', 'EXPIRE')),
	CONSTRAINT "credit_transactions_sign_ck" CHECK (("credit_transactions"."kind" IN ('GRANT', 'REFUND') AND "credit_transactions"."amount" > 0) OR ("credit_transactions"."kind" IN ('CONSUME', 'EXPIRE') AND "credit_transactions"."amount" < 0) OR ("credit_transactions"."kind" = 'ADJUST' AND "credit_transactions"."amount" <> 0))
);
--> statement-breakpoint
CREATE TABLE "membership_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"credits_per_week" integer,
	"total_credits" integer,
	"duration_days" integer,
	"commitment_months" integer,
	"expiry_days" integer,
	"price_minor" integer NOT NULL,
	"currency" text DEFAULT 'GBP' NOT NULL,
	"purchasable_by_client" boolean DEFAULT true NOT NULL,
	"allow_repeat_purchase" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_plans_type_ck" CHECK ("membership_plans"."type" IN ('RECURRING', 'PACK', 'PREPAID')),
	CONSTRAINT "membership_plans_price_ck" CHECK ("membership_plans"."price_minor" >= 0),
	CONSTRAINT "membership_plans_fields_by_type_ck" CHECK (("membership_plans"."type" = 'RECURRING' AND "membership_plans"."credits_per_week" > 0)
        OR ("membership_plans"."type" = 'PACK' AND "membership_plans"."total_credits" > 0)
        OR ("membership_plans"."type" = 'PREPAID' AND "membership_plans"."credits_per_week" > 0 AND "membership_plans"."duration_days" > 0))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_type" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"paused_on" date,
	"payment_reference" text,
	"assigned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_status_ck" CHECK ("memberships"."status" IN ('ACTIVE', 'PAUSED', 'CANCELLED', 'EXPIRED')),
	CONSTRAINT "memberships_plan_type_ck" CHECK ("memberships"."plan_type" IN ('RECURRING', 'PACK', 'PREPAID')),
	CONSTRAINT "memberships_dates_ck" CHECK ("memberships"."end_date" IS NULL OR "memberships"."end_date" >= "memberships"."start_date" - 1)
);
--> statement-breakpoint
CREATE TABLE "plan_class_types" (
	"plan_id" uuid NOT NULL,
	"class_type_id" uuid NOT NULL,
	CONSTRAINT "plan_class_types_plan_id_class_type_id_pk" PRIMARY KEY("plan_id","class_type_id")
);
--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_grant_id_credit_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."credit_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_assigned_by_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_class_types" ADD CONSTRAINT "plan_class_types_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_class_types" ADD CONSTRAINT "plan_class_types_class_type_id_class_types_id_fk" FOREIGN KEY ("class_type_id") REFERENCES "public"."class_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_grants_membership_week_uq" ON "credit_grants" USING btree ("membership_id","week_start");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_grants_pack_purchase_uq" ON "credit_grants" USING btree ("membership_id") WHERE source = 'PACK_PURCHASE';--> statement-breakpoint
CREATE INDEX "credit_grants_user_usable_idx" ON "credit_grants" USING btree ("user_id","valid_until") WHERE remaining > 0;--> statement-breakpoint
CREATE INDEX "credit_grants_expiring_idx" ON "credit_grants" USING btree ("valid_until") WHERE remaining > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transactions_seq_uq" ON "credit_transactions" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "credit_transactions_user_seq_idx" ON "credit_transactions" USING btree ("user_id","seq");--> statement-breakpoint
CREATE INDEX "credit_transactions_grant_idx" ON "credit_transactions" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "credit_transactions_registration_idx" ON "credit_transactions" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "credit_transactions_session_idx" ON "credit_transactions" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_term_plan_per_user_uq" ON "memberships" USING btree ("user_id") WHERE status IN ('ACTIVE', 'PAUSED') AND plan_type IN ('RECURRING', 'PREPAID');--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "memberships_active_idx" ON "memberships" USING btree ("status") WHERE status = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "plan_class_types_class_type_idx" ON "plan_class_types" USING btree ("class_type_id");