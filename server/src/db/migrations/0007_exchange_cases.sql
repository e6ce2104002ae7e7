CREATE TABLE "call_applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"wants_dispatch" boolean NOT NULL,
	"wants_hire" boolean NOT NULL,
	"divisions" text DEFAULT '' NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_applications_status_ck" CHECK ("call_applications"."status" in ('submitted','accepted','returned','withdrawn')),
	CONSTRAINT "call_applications_direction_ck" CHECK ("call_applications"."wants_dispatch" or "call_applications"."wants_hire"),
	CONSTRAINT "call_applications_reason_ck" CHECK ("call_applications"."status" <> 'returned' or "call_applications"."return_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_documents_kind_ck" CHECK ("case_documents"."kind" in ('input_sheet','agreement_draft','certification_notice','other'))
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_account_id" bigint,
	"actor_role" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_extensions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_extensions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"requested_end" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decision_note" text,
	"requested_by" bigint,
	"decided_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "case_extensions_status_ck" CHECK ("case_extensions"."status" in ('requested','approved','refused'))
);
--> statement-breakpoint
CREATE TABLE "case_interviews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_interviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"scheduled_on" date NOT NULL,
	"held_on" date,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"interviewer" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_interviews_status_ck" CHECK ("case_interviews"."status" in ('scheduled','held','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "case_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"author_account_id" bigint,
	"author_role" text NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_messages_kind_ck" CHECK ("case_messages"."kind" in ('query','answer','note'))
);
--> statement-breakpoint
CREATE TABLE "consultation_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"consultation_id" bigint NOT NULL,
	"author_account_id" bigint,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"organisation_id" bigint NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_status_ck" CHECK ("consultations"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "exchange_case_counts" (
	"organisation_id" bigint NOT NULL,
	"state" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "exchange_case_counts_organisation_id_state_pk" PRIMARY KEY("organisation_id","state"),
	CONSTRAINT "exchange_case_counts_n_ck" CHECK ("exchange_case_counts"."n" >= 0)
);
--> statement-breakpoint
CREATE TABLE "exchange_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"direction" text NOT NULL,
	"hire_type" text,
	"organisation_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"post_title" text NOT NULL,
	"company_id" bigint NOT NULL,
	"division_id" bigint,
	"person_id" bigint,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"state" text DEFAULT 'consultation' NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_on" date,
	"review_due_on" date,
	"informally_approved_on" date,
	"certified_on" date,
	"actual_start" date,
	"actual_end" date,
	"end_reason" text,
	"end_note" text,
	"return_post" text,
	"experience_use" text,
	"interview_interval_months" integer DEFAULT 3 NOT NULL,
	"criteria_verdict" text,
	"criteria_checked_at" timestamp with time zone,
	"criteria_result" jsonb,
	"approved_exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sheet" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_cases_direction_ck" CHECK ("exchange_cases"."direction" in ('dispatch','hire')),
	CONSTRAINT "exchange_cases_hire_type_ck" CHECK (("exchange_cases"."direction" = 'hire' and "exchange_cases"."hire_type" in ('continued','resigned')) or ("exchange_cases"."direction" = 'dispatch' and "exchange_cases"."hire_type" is null)),
	CONSTRAINT "exchange_cases_state_ck" CHECK ("exchange_cases"."state" in ('consultation','submitted','under_review','query_to_ministry','informally_approved','formal_application','certified','agreement_signed','active','extended','returned','ended_early','withdrawn','rejected')),
	CONSTRAINT "exchange_cases_dates_ck" CHECK ("exchange_cases"."planned_end" > "exchange_cases"."planned_start"),
	CONSTRAINT "exchange_cases_end_reason_ck" CHECK ("exchange_cases"."end_reason" is null or "exchange_cases"."end_reason" in ('resigned','other')),
	CONSTRAINT "exchange_cases_interval_ck" CHECK ("exchange_cases"."interview_interval_months" between 1 and 24)
);
--> statement-breakpoint
CREATE TABLE "exchange_settings" (
	"organisation_id" bigint PRIMARY KEY NOT NULL,
	"interview_interval_months" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_settings_interval_ck" CHECK ("exchange_settings"."interview_interval_months" between 1 and 24)
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dedupe_key" text NOT NULL,
	"to_address" text NOT NULL,
	"to_account_id" bigint,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" bigint,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status_ck" CHECK ("mail_outbox"."status" in ('pending','sent','failed','held'))
);
--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_exchange_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exchange_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_exchange_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exchange_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_case_id_exchange_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exchange_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interviews" ADD CONSTRAINT "case_interviews_case_id_exchange_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exchange_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_case_id_exchange_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exchange_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD CONSTRAINT "consultation_messages_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD CONSTRAINT "consultation_messages_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_case_counts" ADD CONSTRAINT "exchange_case_counts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_cases" ADD CONSTRAINT "exchange_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_cases" ADD CONSTRAINT "exchange_cases_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_cases" ADD CONSTRAINT "exchange_cases_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_cases" ADD CONSTRAINT "exchange_cases_division_id_company_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."company_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_cases" ADD CONSTRAINT "exchange_cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_cases" ADD CONSTRAINT "exchange_cases_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_settings" ADD CONSTRAINT "exchange_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_to_account_id_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_case_id_exchange_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exchange_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_applications_status_idx" ON "call_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "call_applications_company_idx" ON "call_applications" USING btree ("company_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "call_applications_open_uq" ON "call_applications" USING btree ("company_id") WHERE "call_applications"."status" in ('submitted','accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_version_uq" ON "case_documents" USING btree ("case_id","kind","version");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_extensions_case_idx" ON "case_extensions" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_extensions_open_uq" ON "case_extensions" USING btree ("case_id") WHERE "case_extensions"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "case_interviews_case_idx" ON "case_interviews" USING btree ("case_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "case_interviews_due_idx" ON "case_interviews" USING btree ("status","scheduled_on");--> statement-breakpoint
CREATE INDEX "case_messages_case_idx" ON "case_messages" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "consultation_messages_idx" ON "consultation_messages" USING btree ("consultation_id","id");--> statement-breakpoint
CREATE INDEX "consultations_company_idx" ON "consultations" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "consultations_org_idx" ON "consultations" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_cases_reference_uq" ON "exchange_cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "exchange_cases_queue_idx" ON "exchange_cases" USING btree ("planned_start","submitted_on","id") WHERE "exchange_cases"."state" in ('submitted','under_review','query_to_ministry','formal_application');--> statement-breakpoint
CREATE INDEX "exchange_cases_state_start_idx" ON "exchange_cases" USING btree ("state","planned_start","submitted_on","id");--> statement-breakpoint
CREATE INDEX "exchange_cases_org_state_idx" ON "exchange_cases" USING btree ("organisation_id","state","planned_start","id");--> statement-breakpoint
CREATE INDEX "exchange_cases_org_start_idx" ON "exchange_cases" USING btree ("organisation_id","planned_start","submitted_on","id");--> statement-breakpoint
CREATE INDEX "exchange_cases_company_idx" ON "exchange_cases" USING btree ("company_id","planned_start","submitted_on","id");--> statement-breakpoint
CREATE INDEX "exchange_cases_open_start_idx" ON "exchange_cases" USING btree ("organisation_id","planned_start") WHERE "exchange_cases"."state" not in ('returned','ended_early','withdrawn','rejected');--> statement-breakpoint
CREATE INDEX "exchange_cases_review_due_idx" ON "exchange_cases" USING btree ("review_due_on","organisation_id") WHERE "exchange_cases"."state" in ('submitted','under_review','query_to_ministry');--> statement-breakpoint
CREATE INDEX "exchange_cases_person_idx" ON "exchange_cases" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_cases_person_active_uq" ON "exchange_cases" USING btree ("person_id") WHERE "exchange_cases"."state" in ('active','extended');--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_uq" ON "mail_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_case_idx" ON "mail_outbox" USING btree ("case_id");