CREATE TABLE "referral_consent_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"scope" text DEFAULT 'nrm' NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by" text NOT NULL,
	"language" text,
	"interpreter_used" boolean,
	"interpreter_independent" boolean,
	"interpreter_provider" text,
	"words_used" text,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_consent_events_informed" CHECK ("referral_consent_events"."type" = 'withdrawn' OR ("referral_consent_events"."language" IS NOT NULL AND "referral_consent_events"."words_used" IS NOT NULL AND "referral_consent_events"."interpreter_used" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "referral_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"type" text NOT NULL,
	"outcome" text,
	"decided_on" date NOT NULL,
	"grounds" text,
	"referral_rules" text NOT NULL,
	"calendar_rules" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_safeguarding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"local_authority" text NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"made_by" text NOT NULL,
	"contact_name" text,
	"contact_details" text,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_support" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"force_id" text NOT NULL,
	"type" text NOT NULL,
	"record" jsonb NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"referral_reference" text NOT NULL,
	"kind" text NOT NULL,
	"encounter_id" uuid,
	"from_force_id" text NOT NULL,
	"to_force_id" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"origin_force_id" text NOT NULL,
	"encounter_id" uuid,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"origin" text DEFAULT 'made' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"age_status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"referral_reason" text,
	"follows_referral_id" uuid,
	"first_responder" jsonb,
	"person" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"exploitation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"needs_and_risks" jsonb,
	"support_requested" jsonb,
	"agencies" jsonb,
	"person_name" text,
	"name_in_original_script" text,
	"other_names" jsonb,
	"date_of_birth" date,
	"contact_phone" text,
	"contact_email" text,
	"address" text,
	"photographs" jsonb,
	"contact_preferences" jsonb,
	"identity_consent_id" uuid,
	"home_office_reference" text,
	"submitted_at" timestamp with time zone,
	"referral_rules" text,
	"calendar_rules" text,
	"rg_target" jsonb,
	"rg" jsonb,
	"recovery_period" jsonb,
	"cg" jsonb,
	"pending_reconsideration" jsonb,
	"withdrawal" jsonb,
	"transfer_pending_review" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_reference_unique" UNIQUE("reference"),
	CONSTRAINT "referrals_dtn_anonymous_without_consent" CHECK ("referrals"."kind" <> 'duty-to-notify' OR "referrals"."identity_consent_id" IS NOT NULL OR (
        "referrals"."person_name" IS NULL AND "referrals"."name_in_original_script" IS NULL AND "referrals"."other_names" IS NULL
        AND "referrals"."date_of_birth" IS NULL AND "referrals"."contact_phone" IS NULL AND "referrals"."contact_email" IS NULL
        AND "referrals"."address" IS NULL AND "referrals"."photographs" IS NULL AND "referrals"."contact_preferences" IS NULL
        AND NOT ("referrals"."person" ?| array['name', 'nameInOriginalScript', 'aliases', 'otherNames', 'dateOfBirth',
          'contact', 'contactDetails', 'address', 'addresses', 'photographs'])
      )),
	CONSTRAINT "referrals_dtn_adults_only" CHECK ("referrals"."kind" <> 'duty-to-notify' OR "referrals"."age_status" = 'adult'),
	CONSTRAINT "referrals_child_kind" CHECK ("referrals"."kind" <> 'nrm-adult' OR "referrals"."age_status" = 'adult')
);
--> statement-breakpoint
ALTER TABLE "referral_consent_events" ADD CONSTRAINT "referral_consent_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_consent_events" ADD CONSTRAINT "referral_consent_events_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_decisions" ADD CONSTRAINT "referral_decisions_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_decisions" ADD CONSTRAINT "referral_decisions_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_safeguarding" ADD CONSTRAINT "referral_safeguarding_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_safeguarding" ADD CONSTRAINT "referral_safeguarding_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_support" ADD CONSTRAINT "referral_support_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_support" ADD CONSTRAINT "referral_support_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_transfers" ADD CONSTRAINT "referral_transfers_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_transfers" ADD CONSTRAINT "referral_transfers_from_force_id_forces_id_fk" FOREIGN KEY ("from_force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_transfers" ADD CONSTRAINT "referral_transfers_to_force_id_forces_id_fk" FOREIGN KEY ("to_force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_transfers" ADD CONSTRAINT "referral_transfers_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_transfers" ADD CONSTRAINT "referral_transfers_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_origin_force_id_forces_id_fk" FOREIGN KEY ("origin_force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_follows_referral_id_referrals_id_fk" FOREIGN KEY ("follows_referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_identity_consent_id_referral_consent_events_id_fk" FOREIGN KEY ("identity_consent_id") REFERENCES "public"."referral_consent_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_consent_events_referral_idx" ON "referral_consent_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referral_decisions_referral_idx" ON "referral_decisions" USING btree ("referral_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_safeguarding_referral_unique" ON "referral_safeguarding" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_support_referral_idx" ON "referral_support" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_transfers_from_idx" ON "referral_transfers" USING btree ("from_force_id","at");--> statement-breakpoint
CREATE INDEX "referral_transfers_to_idx" ON "referral_transfers" USING btree ("to_force_id","at");--> statement-breakpoint
CREATE INDEX "referral_transfers_referral_idx" ON "referral_transfers" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referrals_force_status_idx" ON "referrals" USING btree ("force_id","status");--> statement-breakpoint
CREATE INDEX "referrals_force_kind_idx" ON "referrals" USING btree ("force_id","kind");--> statement-breakpoint
CREATE INDEX "referrals_encounter_idx" ON "referrals" USING btree ("encounter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_encounter_kind_live" ON "referrals" USING btree ("encounter_id","kind") WHERE status <> 'withdrawn';