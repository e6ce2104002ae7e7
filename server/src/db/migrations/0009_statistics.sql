CREATE TABLE "stat_publications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stat_publications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"publisher" text NOT NULL,
	"edition" text,
	"published_year" integer NOT NULL,
	"published_on" date,
	"document" text NOT NULL,
	"file" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_published_figures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stat_published_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"series" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_year" integer NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"measure" text NOT NULL,
	"value" integer,
	"publication_id" bigint NOT NULL,
	"source_table" text,
	"source_page" text,
	"source_lines" text,
	"source_text" text,
	"flagged_revision" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" bigint,
	"import_label" text,
	CONSTRAINT "stat_published_figures_period_kind_ck" CHECK ("stat_published_figures"."period_kind" in ('fiscal','calendar'))
);
--> statement-breakpoint
ALTER TABLE "stat_published_figures" ADD CONSTRAINT "stat_published_figures_publication_id_stat_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."stat_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_published_figures" ADD CONSTRAINT "stat_published_figures_imported_by_accounts_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stat_publications_code_uq" ON "stat_publications" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_published_figures_uq" ON "stat_published_figures" USING btree ("series","period_kind","period_year","dimension","measure","publication_id");--> statement-breakpoint
CREATE INDEX "stat_published_figures_series_idx" ON "stat_published_figures" USING btree ("series","period_kind","period_year");