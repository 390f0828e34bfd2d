CREATE TABLE "information_given" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"encounter_id" uuid NOT NULL,
	"language" text NOT NULL,
	"format" text NOT NULL,
	"translation_status" text NOT NULL,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"encounter_id" uuid NOT NULL,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"indicators_added" jsonb NOT NULL,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "information_given" ADD CONSTRAINT "information_given_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_given" ADD CONSTRAINT "information_given_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_given" ADD CONSTRAINT "information_given_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_answers" ADD CONSTRAINT "private_answers_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_answers" ADD CONSTRAINT "private_answers_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "information_given_encounter_idx" ON "information_given" USING btree ("force_id","encounter_id");--> statement-breakpoint
CREATE INDEX "private_answers_encounter_idx" ON "private_answers" USING btree ("force_id","encounter_id");