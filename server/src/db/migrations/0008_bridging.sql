CREATE TABLE "event_contacts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"company_id" bigint NOT NULL,
	"organisation_id" bigint NOT NULL,
	"follow_up" text DEFAULT 'contacted' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_contacts_follow_up_ck" CHECK ("event_contacts"."follow_up" in ('contacted','in_talks','case_opened','no_further'))
);
--> statement-breakpoint
CREATE TABLE "event_ministries" (
	"event_id" bigint NOT NULL,
	"organisation_id" bigint NOT NULL,
	"participation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_ministries_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id"),
	CONSTRAINT "event_ministries_participation_ck" CHECK ("event_ministries"."participation" in ('talks','views_only'))
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"session_id" bigint,
	"mode" text NOT NULL,
	"company_id" bigint NOT NULL,
	"account_id" bigint,
	"attendees" jsonb NOT NULL,
	"attendee_count" integer NOT NULL,
	"wanted_organisation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"attended_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_mode_ck" CHECK ("event_registrations"."mode" in ('onsite','online')),
	CONSTRAINT "event_registrations_session_ck" CHECK (("event_registrations"."mode" = 'onsite' and "event_registrations"."session_id" is not null) or ("event_registrations"."mode" = 'online' and "event_registrations"."session_id" is null)),
	CONSTRAINT "event_registrations_status_ck" CHECK ("event_registrations"."status" in ('registered','cancelled')),
	CONSTRAINT "event_registrations_count_ck" CHECK ("event_registrations"."attendee_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"programme" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_sessions_capacity_ck" CHECK ("event_sessions"."capacity" > 0),
	CONSTRAINT "event_sessions_time_ck" CHECK ("event_sessions"."ends_at" > "event_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "info_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "info_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"title_en" text,
	"description" text DEFAULT '' NOT NULL,
	"description_en" text,
	"replay_from" date,
	"replay_until" date,
	"replay_capacity" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "info_events_status_ck" CHECK ("info_events"."status" in ('planned','open','closed','held')),
	CONSTRAINT "info_events_replay_ck" CHECK ("info_events"."replay_until" is null or "info_events"."replay_from" is null or "info_events"."replay_from" <= "info_events"."replay_until")
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inquiries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sheet_id" bigint NOT NULL,
	"asker_account_id" bigint NOT NULL,
	"asker_organisation_id" bigint,
	"asker_company_id" bigint,
	"subject" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"asker_agreed_at" timestamp with time zone,
	"owner_agreed_at" timestamp with time zone,
	"asker_agreed_by" bigint,
	"owner_agreed_by" bigint,
	"forwarded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_status_ck" CHECK ("inquiries"."status" in ('open','forwarded','answered','contact_exchanged','closed')),
	CONSTRAINT "inquiries_asker_ck" CHECK ("inquiries"."asker_organisation_id" is not null or "inquiries"."asker_company_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "inquiry_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inquiry_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"inquiry_id" bigint NOT NULL,
	"author_account_id" bigint,
	"author_side" text NOT NULL,
	"audience" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_messages_side_ck" CHECK ("inquiry_messages"."author_side" in ('asker','owner','center','system')),
	CONSTRAINT "inquiry_messages_audience_ck" CHECK ("inquiry_messages"."audience" in ('center','asker','owner','all'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_page_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_page_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"page_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"body_ja" text NOT NULL,
	"body_en" text NOT NULL,
	"changed_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_pages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_pages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"section" text NOT NULL,
	"audience" text DEFAULT 'all' NOT NULL,
	"group_key" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"body_ja" text NOT NULL,
	"body_en" text NOT NULL,
	"source" text,
	"published" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_pages_section_ck" CHECK ("knowledge_pages"."section" in ('qa','overview','welfare','criteria','tips','testimonials','contacts')),
	CONSTRAINT "knowledge_pages_audience_ck" CHECK ("knowledge_pages"."audience" in ('ministry','company','all'))
);
--> statement-breakpoint
CREATE TABLE "matching_participants" (
	"round_id" bigint NOT NULL,
	"sheet_id" bigint NOT NULL,
	"side" text NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_participants_round_id_sheet_id_pk" PRIMARY KEY("round_id","sheet_id"),
	CONSTRAINT "matching_participants_side_ck" CHECK ("matching_participants"."side" in ('ministry','company')),
	CONSTRAINT "matching_participants_capacity_ck" CHECK ("matching_participants"."capacity" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "matching_rankings" (
	"round_id" bigint NOT NULL,
	"sheet_id" bigint NOT NULL,
	"ranked_sheet_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "matching_rankings_round_id_sheet_id_ranked_sheet_id_pk" PRIMARY KEY("round_id","sheet_id","ranked_sheet_id"),
	CONSTRAINT "matching_rankings_rank_ck" CHECK ("matching_rankings"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "matching_rounds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matching_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"direction" text NOT NULL,
	"max_ranks" integer DEFAULT 5 NOT NULL,
	"proposing_side" text DEFAULT 'ministry' NOT NULL,
	"status" text DEFAULT 'ranking' NOT NULL,
	"ranking_closes_on" date,
	"report" jsonb,
	"run_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_rounds_direction_ck" CHECK ("matching_rounds"."direction" in ('dispatch','hire')),
	CONSTRAINT "matching_rounds_side_ck" CHECK ("matching_rounds"."proposing_side" in ('ministry','company')),
	CONSTRAINT "matching_rounds_status_ck" CHECK ("matching_rounds"."status" in ('ranking','run','closed')),
	CONSTRAINT "matching_rounds_max_ck" CHECK ("matching_rounds"."max_ranks" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "wish_sheet_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wish_sheet_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sheet_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"body" jsonb NOT NULL,
	"changed_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "wish_sheets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wish_sheets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"organisation_id" bigint,
	"company_id" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"field_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"prefecture_code" text,
	"period_min_months" integer NOT NULL,
	"period_max_months" integer NOT NULL,
	"start_from" text NOT NULL,
	"start_to" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"facet_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"expires_on" date,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wish_sheets_kind_ck" CHECK ("wish_sheets"."kind" in ('ministry_dispatch','ministry_hire','company')),
	CONSTRAINT "wish_sheets_direction_ck" CHECK ("wish_sheets"."direction" in ('dispatch','hire','both')),
	CONSTRAINT "wish_sheets_status_ck" CHECK ("wish_sheets"."status" in ('draft','published','closed')),
	CONSTRAINT "wish_sheets_owner_ck" CHECK (("wish_sheets"."kind" = 'company' and "wish_sheets"."company_id" is not null and "wish_sheets"."organisation_id" is null)
        or ("wish_sheets"."kind" <> 'company' and "wish_sheets"."organisation_id" is not null and "wish_sheets"."company_id" is null)),
	CONSTRAINT "wish_sheets_period_ck" CHECK ("wish_sheets"."period_min_months" <= "wish_sheets"."period_max_months")
);
--> statement-breakpoint
ALTER TABLE "event_contacts" ADD CONSTRAINT "event_contacts_event_id_info_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."info_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_contacts" ADD CONSTRAINT "event_contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_contacts" ADD CONSTRAINT "event_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_contacts" ADD CONSTRAINT "event_contacts_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_ministries" ADD CONSTRAINT "event_ministries_event_id_info_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."info_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_ministries" ADD CONSTRAINT "event_ministries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_info_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."info_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_id_info_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."info_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_events" ADD CONSTRAINT "info_events_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_sheet_id_wish_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."wish_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_account_id_accounts_id_fk" FOREIGN KEY ("asker_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_organisation_id_organisations_id_fk" FOREIGN KEY ("asker_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_company_id_companies_id_fk" FOREIGN KEY ("asker_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_agreed_by_accounts_id_fk" FOREIGN KEY ("asker_agreed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_owner_agreed_by_accounts_id_fk" FOREIGN KEY ("owner_agreed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_page_versions" ADD CONSTRAINT "knowledge_page_versions_page_id_knowledge_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."knowledge_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_page_versions" ADD CONSTRAINT "knowledge_page_versions_changed_by_accounts_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_pages" ADD CONSTRAINT "knowledge_pages_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_participants" ADD CONSTRAINT "matching_participants_round_id_matching_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."matching_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_participants" ADD CONSTRAINT "matching_participants_sheet_id_wish_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."wish_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rankings" ADD CONSTRAINT "matching_rankings_round_id_matching_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."matching_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rankings" ADD CONSTRAINT "matching_rankings_sheet_id_wish_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."wish_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rankings" ADD CONSTRAINT "matching_rankings_ranked_sheet_id_wish_sheets_id_fk" FOREIGN KEY ("ranked_sheet_id") REFERENCES "public"."wish_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rounds" ADD CONSTRAINT "matching_rounds_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_sheet_versions" ADD CONSTRAINT "wish_sheet_versions_sheet_id_wish_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."wish_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_sheet_versions" ADD CONSTRAINT "wish_sheet_versions_changed_by_accounts_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_sheets" ADD CONSTRAINT "wish_sheets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_sheets" ADD CONSTRAINT "wish_sheets_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_sheets" ADD CONSTRAINT "wish_sheets_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_contacts_uq" ON "event_contacts" USING btree ("event_id","company_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_session_company_uq" ON "event_registrations" USING btree ("session_id","company_id") WHERE "event_registrations"."status" = 'registered' and "event_registrations"."session_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_online_company_uq" ON "event_registrations" USING btree ("event_id","company_id") WHERE "event_registrations"."status" = 'registered' and "event_registrations"."mode" = 'online';--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_sessions_event_idx" ON "event_sessions" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "inquiries_status_idx" ON "inquiries" USING btree ("status","last_activity_at");--> statement-breakpoint
CREATE INDEX "inquiries_sheet_idx" ON "inquiries" USING btree ("sheet_id");--> statement-breakpoint
CREATE INDEX "inquiries_asker_org_idx" ON "inquiries" USING btree ("asker_organisation_id");--> statement-breakpoint
CREATE INDEX "inquiries_asker_company_idx" ON "inquiries" USING btree ("asker_company_id");--> statement-breakpoint
CREATE INDEX "inquiry_messages_inquiry_idx" ON "inquiry_messages" USING btree ("inquiry_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_page_versions_uq" ON "knowledge_page_versions" USING btree ("page_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_pages_slug_uq" ON "knowledge_pages" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "knowledge_pages_section_idx" ON "knowledge_pages" USING btree ("section","group_key","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_rankings_rank_uq" ON "matching_rankings" USING btree ("round_id","sheet_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "wish_sheet_versions_uq" ON "wish_sheet_versions" USING btree ("sheet_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "wish_sheets_reference_uq" ON "wish_sheets" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "wish_sheets_published_idx" ON "wish_sheets" USING btree ("published_at","id") WHERE "wish_sheets"."status" = 'published';--> statement-breakpoint
CREATE INDEX "wish_sheets_start_idx" ON "wish_sheets" USING btree ("start_from","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "wish_sheets"."status" = 'published';--> statement-breakpoint
CREATE INDEX "wish_sheets_expires_idx" ON "wish_sheets" USING btree ("expires_on","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "wish_sheets"."status" = 'published';--> statement-breakpoint
CREATE INDEX "wish_sheets_grams_idx" ON "wish_sheets" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "wish_sheets_facets_idx" ON "wish_sheets" USING gin ("facet_keys");--> statement-breakpoint
CREATE INDEX "wish_sheets_industries_idx" ON "wish_sheets" USING gin ("industry_codes");--> statement-breakpoint
CREATE INDEX "wish_sheets_org_idx" ON "wish_sheets" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "wish_sheets_company_idx" ON "wish_sheets" USING btree ("company_id","status");