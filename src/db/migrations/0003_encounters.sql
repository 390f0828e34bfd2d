CREATE TABLE "encounter_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"encounter_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"pathway_before" text,
	"pathway_after" text
);
--> statement-breakpoint
CREATE TABLE "encounters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"reference" text NOT NULL,
	"officer_user_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"occurred_at" timestamp with time zone,
	"location" text,
	"place_type" text,
	"immediate_risk" text,
	"person" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"interpreter" jsonb,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"themes_reviewed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"account" text,
	"consent" text,
	"assessment" jsonb,
	"catalogue_version" text,
	"rules_version" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "encounters_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "encounter_revisions" ADD CONSTRAINT "encounter_revisions_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter_revisions" ADD CONSTRAINT "encounter_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_officer_user_id_users_id_fk" FOREIGN KEY ("officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "encounter_revisions_encounter_idx" ON "encounter_revisions" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "encounters_force_officer_idx" ON "encounters" USING btree ("force_id","officer_user_id");--> statement-breakpoint
CREATE INDEX "encounters_force_status_idx" ON "encounters" USING btree ("force_id","status");