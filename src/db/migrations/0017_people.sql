CREATE TABLE "client_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"emergency_contact_name" text,
	"emergency_contact_phone" text,
	"date_of_birth" date,
	"health_notes" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiver_acceptances" (
	"user_id" text NOT NULL,
	"version" integer NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waiver_acceptances_user_id_version_pk" PRIMARY KEY("user_id","version")
);
--> statement-breakpoint
CREATE TABLE "waiver_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "waiver_version" integer;--> statement-breakpoint
ALTER TABLE "client_profiles" ADD CONSTRAINT "client_profiles_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_profiles" ADD CONSTRAINT "client_profiles_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_acceptances" ADD CONSTRAINT "waiver_acceptances_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_acceptances" ADD CONSTRAINT "waiver_acceptances_version_waiver_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."waiver_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiver_versions" ADD CONSTRAINT "waiver_versions_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- A published waiver and an acceptance are records: never changed or removed (a change is a new version).
CREATE TRIGGER waiver_versions_append_only BEFORE UPDATE OR DELETE ON "waiver_versions" FOR EACH ROW EXECUTE FUNCTION roster_refuse_change();--> statement-breakpoint
CREATE TRIGGER waiver_acceptances_append_only BEFORE UPDATE ON "waiver_acceptances" FOR EACH ROW EXECUTE FUNCTION roster_refuse_change();
