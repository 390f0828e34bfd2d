CREATE TABLE "no_referral_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"encounter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"rationale" text NOT NULL,
	"other_organisation" text,
	"other_reference" text,
	"duplicate_of_encounter_id" uuid,
	"treated_as_child" boolean NOT NULL,
	"rule_version" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_by_role" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"submission_id" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_reason" text,
	CONSTRAINT "no_referral_decisions_child_check" CHECK (not ("no_referral_decisions"."treated_as_child" and "no_referral_decisions"."reason" = 'duty-does-not-apply')),
	CONSTRAINT "no_referral_decisions_withdrawal_check" CHECK (("no_referral_decisions"."withdrawn_at" is null) = ("no_referral_decisions"."withdrawn_by" is null) and ("no_referral_decisions"."withdrawn_at" is null) = ("no_referral_decisions"."withdrawal_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "no_referral_decisions" ADD CONSTRAINT "no_referral_decisions_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_referral_decisions" ADD CONSTRAINT "no_referral_decisions_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_referral_decisions" ADD CONSTRAINT "no_referral_decisions_duplicate_of_encounter_id_encounters_id_fk" FOREIGN KEY ("duplicate_of_encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_referral_decisions" ADD CONSTRAINT "no_referral_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_referral_decisions" ADD CONSTRAINT "no_referral_decisions_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "no_referral_decisions_live_unique" ON "no_referral_decisions" USING btree ("encounter_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "no_referral_decisions_submission_unique" ON "no_referral_decisions" USING btree ("force_id","submission_id");--> statement-breakpoint
CREATE INDEX "no_referral_decisions_force_idx" ON "no_referral_decisions" USING btree ("force_id","decided_at");