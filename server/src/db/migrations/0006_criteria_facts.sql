CREATE TABLE "company_sales" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "company_sales_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount_yen" bigint NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_sales_amount_ck" CHECK ("company_sales"."amount_yen" >= 0),
	CONSTRAINT "company_sales_fy_ck" CHECK ("company_sales"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "company_sanctions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "company_sanctions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"case_ref" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text DEFAULT 'company' NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_sanctions_kind_ck" CHECK ("company_sanctions"."kind" in ('prosecution','business_suspension','surcharge_order','other_serious_disposition','other_disposition')),
	CONSTRAINT "company_sanctions_subject_ck" CHECK ("company_sanctions"."subject" in ('company','officer'))
);
--> statement-breakpoint
CREATE TABLE "contract_involvements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contract_involvements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"organisation_id" bigint NOT NULL,
	"company_id" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_involvements_dates_ck" CHECK ("contract_involvements"."end_date" is null or "contract_involvements"."end_date" >= "contract_involvements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "division_revenue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "division_revenue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"division_id" bigint NOT NULL,
	"fiscal_year" integer NOT NULL,
	"public_yen" bigint NOT NULL,
	"total_yen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "division_revenue_amounts_ck" CHECK ("division_revenue"."public_yen" >= 0 and "division_revenue"."total_yen" >= 0),
	CONSTRAINT "division_revenue_fy_ck" CHECK ("division_revenue"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "exchange_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"person_id" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_history_direction_ck" CHECK ("exchange_history"."direction" in ('dispatch','hire')),
	CONSTRAINT "exchange_history_dates_ck" CHECK ("exchange_history"."end_date" is null or "exchange_history"."end_date" >= "exchange_history"."start_date")
);
--> statement-breakpoint
CREATE TABLE "licensing_jurisdictions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "licensing_jurisdictions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"company_id" bigint NOT NULL,
	"start_date" date,
	"end_date" date,
	"basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licensing_jurisdictions_dates_ck" CHECK ("licensing_jurisdictions"."end_date" is null or "licensing_jurisdictions"."start_date" is null or "licensing_jurisdictions"."end_date" >= "licensing_jurisdictions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "ministry_contracts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ministry_contracts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"company_id" bigint NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount_yen" bigint NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ministry_contracts_amount_ck" CHECK ("ministry_contracts"."amount_yen" >= 0),
	CONSTRAINT "ministry_contracts_fy_ck" CHECK ("ministry_contracts"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
ALTER TABLE "post_assignments" ADD COLUMN "handles_licensing" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "company_sales" ADD CONSTRAINT "company_sales_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_sanctions" ADD CONSTRAINT "company_sanctions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_involvements" ADD CONSTRAINT "contract_involvements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_involvements" ADD CONSTRAINT "contract_involvements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_involvements" ADD CONSTRAINT "contract_involvements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "division_revenue" ADD CONSTRAINT "division_revenue_division_id_company_divisions_id_fk" FOREIGN KEY ("division_id") REFERENCES "public"."company_divisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_history" ADD CONSTRAINT "exchange_history_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_history" ADD CONSTRAINT "exchange_history_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_history" ADD CONSTRAINT "exchange_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_jurisdictions" ADD CONSTRAINT "licensing_jurisdictions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_jurisdictions" ADD CONSTRAINT "licensing_jurisdictions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ministry_contracts" ADD CONSTRAINT "ministry_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ministry_contracts" ADD CONSTRAINT "ministry_contracts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_sales_company_fy_uq" ON "company_sales" USING btree ("company_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "company_sanctions_company_idx" ON "company_sanctions" USING btree ("company_id","occurred_on");--> statement-breakpoint
CREATE INDEX "company_sanctions_occurred_idx" ON "company_sanctions" USING btree ("occurred_on","company_id");--> statement-breakpoint
CREATE INDEX "contract_involvements_person_idx" ON "contract_involvements" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "contract_involvements_company_idx" ON "contract_involvements" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "division_revenue_division_fy_uq" ON "division_revenue" USING btree ("division_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "exchange_history_company_unit_idx" ON "exchange_history" USING btree ("company_id","unit_id");--> statement-breakpoint
CREATE INDEX "exchange_history_unit_idx" ON "exchange_history" USING btree ("unit_id","company_id");--> statement-breakpoint
CREATE INDEX "licensing_jurisdictions_unit_idx" ON "licensing_jurisdictions" USING btree ("unit_id","company_id");--> statement-breakpoint
CREATE INDEX "licensing_jurisdictions_company_idx" ON "licensing_jurisdictions" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ministry_contracts_org_company_fy_uq" ON "ministry_contracts" USING btree ("organisation_id","company_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "ministry_contracts_company_org_idx" ON "ministry_contracts" USING btree ("company_id","organisation_id");--> statement-breakpoint
CREATE INDEX "ministry_contracts_org_fy_idx" ON "ministry_contracts" USING btree ("organisation_id","fiscal_year","company_id");