CREATE TABLE "survey_definitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_definitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"audience" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"body" jsonb NOT NULL,
	"template" text,
	"frozen_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_definitions_audience_ck" CHECK ("survey_definitions"."audience" in ('organisation','participant'))
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"target_id" bigint PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"anonymous" boolean NOT NULL,
	"target_id" bigint,
	"submitted_by" bigint,
	"submitted_at" timestamp with time zone,
	"attributes" json NOT NULL,
	"answers" json NOT NULL,
	CONSTRAINT "survey_responses_anonymity_ck" CHECK (("survey_responses"."anonymous" and "survey_responses"."target_id" is null and "survey_responses"."submitted_by" is null and "survey_responses"."submitted_at" is null)
        or (not "survey_responses"."anonymous" and "survey_responses"."target_id" is not null and "survey_responses"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"definition_id" bigint NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"audience" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"min_n" integer DEFAULT 5 NOT NULL,
	"remind_days_before" integer DEFAULT 7 NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_rounds_audience_ck" CHECK ("survey_rounds"."audience" in ('organisation','participant')),
	CONSTRAINT "survey_rounds_state_ck" CHECK ("survey_rounds"."state" in ('draft','open','closed')),
	CONSTRAINT "survey_rounds_dates_ck" CHECK ("survey_rounds"."closes_on" >= "survey_rounds"."opens_on"),
	CONSTRAINT "survey_rounds_min_n_ck" CHECK ("survey_rounds"."min_n" between 1 and 1000),
	CONSTRAINT "survey_rounds_remind_ck" CHECK ("survey_rounds"."remind_days_before" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "survey_targets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"organisation_id" bigint,
	"org_unit_id" bigint,
	"person_id" bigint,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted" boolean DEFAULT false NOT NULL,
	"last_reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_targets_kind_ck" CHECK ("survey_targets"."kind" in ('organisation','org_unit','person')),
	CONSTRAINT "survey_targets_refs_ck" CHECK (("survey_targets"."kind" = 'organisation' and "survey_targets"."organisation_id" is not null and "survey_targets"."org_unit_id" is null and "survey_targets"."person_id" is null)
        or ("survey_targets"."kind" = 'org_unit' and "survey_targets"."organisation_id" is not null and "survey_targets"."org_unit_id" is not null and "survey_targets"."person_id" is null)
        or ("survey_targets"."kind" = 'person' and "survey_targets"."person_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "survey_definitions" ADD CONSTRAINT "survey_definitions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_target_id_survey_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."survey_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_target_id_survey_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."survey_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_definition_id_survey_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."survey_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_targets" ADD CONSTRAINT "survey_targets_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_targets" ADD CONSTRAINT "survey_targets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_targets" ADD CONSTRAINT "survey_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_targets" ADD CONSTRAINT "survey_targets_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_definitions_key_version_uq" ON "survey_definitions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "survey_responses_round_idx" ON "survey_responses" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_target_uq" ON "survey_responses" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_definition_idx" ON "survey_rounds" USING btree ("definition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_targets_round_subject_uq" ON "survey_targets" USING btree ("round_id","subject");--> statement-breakpoint
CREATE INDEX "survey_targets_org_idx" ON "survey_targets" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "survey_targets_person_idx" ON "survey_targets" USING btree ("person_id");