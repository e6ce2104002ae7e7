CREATE TABLE "intl_consultations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dispatch_id" bigint NOT NULL,
	"step" text NOT NULL,
	"planned_end" date NOT NULL,
	"reason" text NOT NULL,
	"filed_on" date NOT NULL,
	"filed_by" bigint,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text DEFAULT 'pending' NOT NULL,
	"answered_on" date,
	"answered_by" bigint,
	"answered_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "intl_consultations_step_ck" CHECK ("intl_consultations"."step" ~ '^(initial|[0-9]+)$'),
	CONSTRAINT "intl_consultations_answer_ck" CHECK ("intl_consultations"."answer" in ('pending','agreed','not_agreed','withdrawn')),
	CONSTRAINT "intl_consultations_answered_ck" CHECK ("intl_consultations"."answer" not in ('agreed','not_agreed') or ("intl_consultations"."answered_on" is not null and "intl_consultations"."answered_on" >= "intl_consultations"."filed_on"))
);
--> statement-breakpoint
CREATE TABLE "intl_delegation_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_delegation_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"visit_date" date NOT NULL,
	"parties" jsonb NOT NULL,
	"visitors" integer,
	"topic" text,
	"npa_staff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intl_delegation_visits_visitors_ck" CHECK ("intl_delegation_visits"."visitors" is null or "intl_delegation_visits"."visitors" >= 0)
);
--> statement-breakpoint
CREATE TABLE "intl_dispatch_renewals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_dispatch_renewals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dispatch_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"planned_end" date NOT NULL,
	"decided_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intl_dispatch_renewals_seq_ck" CHECK ("intl_dispatch_renewals"."seq" >= 0)
);
--> statement-breakpoint
CREATE TABLE "intl_dispatches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_dispatches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"sending_organisation_id" bigint NOT NULL,
	"host_organisation_id" bigint,
	"host_name" text,
	"host_type" text NOT NULL,
	"region_code" text NOT NULL,
	"post" text,
	"start_date" date NOT NULL,
	"planned_end" date NOT NULL,
	"current_planned_end" date NOT NULL,
	"actual_end" date,
	"outcome" text,
	"consent_recorded_on" date,
	"consent_recorded_by" bigint,
	"state" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intl_dispatches_state_ck" CHECK ("intl_dispatches"."state" in ('draft','active','ended','cancelled')),
	CONSTRAINT "intl_dispatches_type_ck" CHECK ("intl_dispatches"."host_type" in ('international_organisation','foreign_government','equivalent_body')),
	CONSTRAINT "intl_dispatches_outcome_ck" CHECK ("intl_dispatches"."outcome" is null or "intl_dispatches"."outcome" in ('returned_to_duty','resigned_during_dispatch','resigned_on_return','died')),
	CONSTRAINT "intl_dispatches_dates_ck" CHECK ("intl_dispatches"."planned_end" >= "intl_dispatches"."start_date" and "intl_dispatches"."current_planned_end" >= "intl_dispatches"."planned_end"),
	CONSTRAINT "intl_dispatches_actual_end_ck" CHECK ("intl_dispatches"."actual_end" is null or ("intl_dispatches"."actual_end" >= "intl_dispatches"."start_date" and "intl_dispatches"."actual_end" <= "intl_dispatches"."current_planned_end")),
	CONSTRAINT "intl_dispatches_ended_ck" CHECK (("intl_dispatches"."state" = 'ended') = ("intl_dispatches"."actual_end" is not null and "intl_dispatches"."outcome" is not null)),
	CONSTRAINT "intl_dispatches_host_ck" CHECK ("intl_dispatches"."host_organisation_id" is not null or "intl_dispatches"."host_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "intl_fellow_placements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_fellow_placements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"fellow_id" bigint NOT NULL,
	"organisation_id" bigint NOT NULL,
	"from_date" date,
	"to_date" date,
	"note" text,
	CONSTRAINT "intl_fellow_placements_dates_ck" CHECK ("intl_fellow_placements"."to_date" is null or "intl_fellow_placements"."from_date" is null or "intl_fellow_placements"."to_date" >= "intl_fellow_placements"."from_date")
);
--> statement-breakpoint
CREATE TABLE "intl_fellows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_fellows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cohort_id" bigint NOT NULL,
	"name" text NOT NULL,
	"home_agency" text
);
--> statement-breakpoint
CREATE TABLE "intl_fellowship_cohorts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_fellowship_cohorts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cohort_number" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"programme_months" integer,
	"arrangements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intl_host_organisations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_host_organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"host_type" text NOT NULL,
	"region_code" text NOT NULL,
	"seat" text,
	"source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intl_host_organisations_type_ck" CHECK ("intl_host_organisations"."host_type" in ('international_organisation','foreign_government','equivalent_body'))
);
--> statement-breakpoint
CREATE TABLE "intl_network_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_network_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"network" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"place" text NOT NULL,
	"theme" text NOT NULL,
	"host" text NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intl_network_events_network_ck" CHECK ("intl_network_events"."network" in ('accsm_plus3','china_japan_korea')),
	CONSTRAINT "intl_network_events_kind_ck" CHECK ("intl_network_events"."kind" in ('meeting','symposium','workshop','joint_training','other')),
	CONSTRAINT "intl_network_events_dates_ck" CHECK ("intl_network_events"."end_date" is null or "intl_network_events"."end_date" >= "intl_network_events"."start_date")
);
--> statement-breakpoint
CREATE TABLE "intl_seminar_participants" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_seminar_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"country" text NOT NULL,
	"organisation" text,
	"level" text,
	CONSTRAINT "intl_seminar_participants_country_ck" CHECK ("intl_seminar_participants"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "intl_seminar_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intl_seminar_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"course_code" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"length_label" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intl_seminar_sessions_dates_ck" CHECK ("intl_seminar_sessions"."end_date" is null or "intl_seminar_sessions"."start_date" is null or "intl_seminar_sessions"."end_date" >= "intl_seminar_sessions"."start_date")
);
--> statement-breakpoint
ALTER TABLE "intl_consultations" ADD CONSTRAINT "intl_consultations_dispatch_id_intl_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."intl_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_consultations" ADD CONSTRAINT "intl_consultations_filed_by_accounts_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_consultations" ADD CONSTRAINT "intl_consultations_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_delegation_visits" ADD CONSTRAINT "intl_delegation_visits_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatch_renewals" ADD CONSTRAINT "intl_dispatch_renewals_dispatch_id_intl_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."intl_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatch_renewals" ADD CONSTRAINT "intl_dispatch_renewals_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatches" ADD CONSTRAINT "intl_dispatches_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatches" ADD CONSTRAINT "intl_dispatches_sending_organisation_id_organisations_id_fk" FOREIGN KEY ("sending_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatches" ADD CONSTRAINT "intl_dispatches_host_organisation_id_intl_host_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."intl_host_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatches" ADD CONSTRAINT "intl_dispatches_region_code_world_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."world_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatches" ADD CONSTRAINT "intl_dispatches_consent_recorded_by_accounts_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_dispatches" ADD CONSTRAINT "intl_dispatches_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_fellow_placements" ADD CONSTRAINT "intl_fellow_placements_fellow_id_intl_fellows_id_fk" FOREIGN KEY ("fellow_id") REFERENCES "public"."intl_fellows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_fellow_placements" ADD CONSTRAINT "intl_fellow_placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_fellows" ADD CONSTRAINT "intl_fellows_cohort_id_intl_fellowship_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."intl_fellowship_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_host_organisations" ADD CONSTRAINT "intl_host_organisations_region_code_world_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."world_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_network_events" ADD CONSTRAINT "intl_network_events_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_seminar_participants" ADD CONSTRAINT "intl_seminar_participants_session_id_intl_seminar_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."intl_seminar_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intl_seminar_sessions" ADD CONSTRAINT "intl_seminar_sessions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intl_consultations_dispatch_idx" ON "intl_consultations" USING btree ("dispatch_id");--> statement-breakpoint
CREATE INDEX "intl_delegation_visits_date_idx" ON "intl_delegation_visits" USING btree ("visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "intl_dispatch_renewals_seq_uq" ON "intl_dispatch_renewals" USING btree ("dispatch_id","seq");--> statement-breakpoint
CREATE INDEX "intl_dispatches_person_idx" ON "intl_dispatches" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "intl_dispatches_sending_idx" ON "intl_dispatches" USING btree ("sending_organisation_id");--> statement-breakpoint
CREATE INDEX "intl_dispatches_start_idx" ON "intl_dispatches" USING btree ("start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "intl_dispatches_one_active_uq" ON "intl_dispatches" USING btree ("person_id") WHERE "intl_dispatches"."state" = 'active';--> statement-breakpoint
CREATE INDEX "intl_fellow_placements_fellow_idx" ON "intl_fellow_placements" USING btree ("fellow_id");--> statement-breakpoint
CREATE INDEX "intl_fellows_cohort_idx" ON "intl_fellows" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intl_fellowship_cohorts_number_uq" ON "intl_fellowship_cohorts" USING btree ("cohort_number");--> statement-breakpoint
CREATE UNIQUE INDEX "intl_host_organisations_code_uq" ON "intl_host_organisations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "intl_network_events_date_idx" ON "intl_network_events" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "intl_seminar_participants_session_idx" ON "intl_seminar_participants" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "intl_seminar_sessions_course_idx" ON "intl_seminar_sessions" USING btree ("course_code","fiscal_year");