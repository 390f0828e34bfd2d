CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"kind" text NOT NULL,
	"normalised_key" text NOT NULL,
	"display" text NOT NULL,
	"valid" boolean NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"investigation_id" uuid,
	"encounter_id" uuid,
	"role" text NOT NULL,
	"source" text NOT NULL,
	"notes" text,
	"identified" boolean,
	"pursuit" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"removed_reason" text,
	CONSTRAINT "entity_links_one_target" CHECK (("entity_links"."investigation_id" is null) <> ("entity_links"."encounter_id" is null))
);
--> statement-breakpoint
CREATE TABLE "investigation_closure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"rationale" text NOT NULL,
	"victim_contact_status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"supervisor_sign_off" jsonb,
	"second_review" jsonb,
	"second_review_reasons" jsonb,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "custody_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"encounter_id" uuid NOT NULL,
	"custody_record_ref" text NOT NULL,
	"age_at_offence" integer NOT NULL,
	"offence_date" date,
	"offences" jsonb NOT NULL,
	"nrm_status" text NOT NULL,
	"text" text NOT NULL,
	"any_available" boolean NOT NULL,
	"schedule_version" text NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"result" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "investigation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"type" text NOT NULL,
	"summary" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"suspect_link_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rationale" text NOT NULL,
	"directions" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_settings" (
	"force_id" text PRIMARY KEY NOT NULL,
	"first_review_after_days" integer NOT NULL,
	"review_interval_days" integer NOT NULL,
	"early_closure_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_from" text NOT NULL,
	"encounter_id" uuid,
	"referral_id" uuid,
	"crime_record_id" uuid,
	"exploitation_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"county_lines" boolean DEFAULT false NOT NULL,
	"typology_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"officer_in_charge_user_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"reopened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closure_reason" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submission_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "investigations_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "investigation_lines_of_enquiry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rationale" text,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_order_considerations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"decision" text NOT NULL,
	"rationale" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevention_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"reference" text NOT NULL,
	"investigation_id" uuid,
	"kind" text NOT NULL,
	"interim" boolean NOT NULL,
	"route" text NOT NULL,
	"applicant" text,
	"chief_officer_notified_on" date,
	"subject_ref" text NOT NULL,
	"subject_age_at_application" integer,
	"court" text NOT NULL,
	"court_type" text NOT NULL,
	"made_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"duration" jsonb NOT NULL,
	"ends_on" date,
	"main_application_decided_on" date,
	"prohibitions" jsonb NOT NULL,
	"notification_required" boolean NOT NULL,
	"notification_details" text,
	"breaches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "prevention_orders_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "victim_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"force_id" text NOT NULL,
	"investigation_id" uuid NOT NULL,
	"victim_link_id" uuid,
	"contacted_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"engagement" text NOT NULL,
	"support_worker" text,
	"interpreter" text NOT NULL,
	"interpreter_language" text,
	"needs" text,
	"notes" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_links" ADD CONSTRAINT "entity_links_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_closure_requests" ADD CONSTRAINT "investigation_closure_requests_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_closure_requests" ADD CONSTRAINT "investigation_closure_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_notes" ADD CONSTRAINT "custody_notes_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_notes" ADD CONSTRAINT "custody_notes_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_actions" ADD CONSTRAINT "investigation_actions_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_actions" ADD CONSTRAINT "investigation_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_actions" ADD CONSTRAINT "investigation_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_actions" ADD CONSTRAINT "investigation_actions_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_events" ADD CONSTRAINT "investigation_events_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_events" ADD CONSTRAINT "investigation_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_outcomes" ADD CONSTRAINT "investigation_outcomes_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_outcomes" ADD CONSTRAINT "investigation_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_reviews" ADD CONSTRAINT "investigation_reviews_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_reviews" ADD CONSTRAINT "investigation_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_settings" ADD CONSTRAINT "investigation_settings_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_settings" ADD CONSTRAINT "investigation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_crime_record_id_crime_records_id_fk" FOREIGN KEY ("crime_record_id") REFERENCES "public"."crime_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_officer_in_charge_user_id_users_id_fk" FOREIGN KEY ("officer_in_charge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_lines_of_enquiry" ADD CONSTRAINT "investigation_lines_of_enquiry_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_lines_of_enquiry" ADD CONSTRAINT "investigation_lines_of_enquiry_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_order_considerations" ADD CONSTRAINT "investigation_order_considerations_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_order_considerations" ADD CONSTRAINT "investigation_order_considerations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_orders" ADD CONSTRAINT "prevention_orders_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_orders" ADD CONSTRAINT "prevention_orders_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_orders" ADD CONSTRAINT "prevention_orders_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entities_force_kind_key_unique" ON "entities" USING btree ("force_id","kind","normalised_key");--> statement-breakpoint
CREATE INDEX "entity_links_entity_idx" ON "entity_links" USING btree ("force_id","entity_id");--> statement-breakpoint
CREATE INDEX "entity_links_investigation_idx" ON "entity_links" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "entity_links_encounter_idx" ON "entity_links" USING btree ("encounter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entity_links_investigation_unique" ON "entity_links" USING btree ("investigation_id","entity_id","role") WHERE removed_at is null and investigation_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "entity_links_encounter_unique" ON "entity_links" USING btree ("encounter_id","entity_id","role") WHERE removed_at is null and encounter_id is not null;--> statement-breakpoint
CREATE INDEX "closure_requests_investigation_idx" ON "investigation_closure_requests" USING btree ("investigation_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "closure_requests_live_unique" ON "investigation_closure_requests" USING btree ("investigation_id") WHERE status in ('pending', 'held');--> statement-breakpoint
CREATE INDEX "custody_notes_encounter_idx" ON "custody_notes" USING btree ("force_id","encounter_id","prepared_at");--> statement-breakpoint
CREATE INDEX "investigation_actions_investigation_idx" ON "investigation_actions" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "investigation_actions_owner_idx" ON "investigation_actions" USING btree ("force_id","owner_user_id","status");--> statement-breakpoint
CREATE INDEX "investigation_events_investigation_idx" ON "investigation_events" USING btree ("investigation_id","at");--> statement-breakpoint
CREATE INDEX "investigation_outcomes_investigation_idx" ON "investigation_outcomes" USING btree ("investigation_id","occurred_at");--> statement-breakpoint
CREATE INDEX "investigation_reviews_investigation_idx" ON "investigation_reviews" USING btree ("investigation_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "investigations_submission_unique" ON "investigations" USING btree ("force_id","submission_id");--> statement-breakpoint
CREATE INDEX "investigations_force_status_idx" ON "investigations" USING btree ("force_id","status");--> statement-breakpoint
CREATE INDEX "investigations_force_opened_idx" ON "investigations" USING btree ("force_id","opened_at");--> statement-breakpoint
CREATE INDEX "investigation_loe_investigation_idx" ON "investigation_lines_of_enquiry" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "order_considerations_investigation_idx" ON "investigation_order_considerations" USING btree ("investigation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prevention_orders_submission_unique" ON "prevention_orders" USING btree ("force_id","submission_id");--> statement-breakpoint
CREATE INDEX "prevention_orders_force_ends_idx" ON "prevention_orders" USING btree ("force_id","ends_on");--> statement-breakpoint
CREATE INDEX "victim_contacts_investigation_idx" ON "victim_contacts" USING btree ("investigation_id","contacted_at");