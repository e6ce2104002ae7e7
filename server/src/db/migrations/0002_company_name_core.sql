ALTER TABLE "companies" ADD COLUMN "name_core" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Backfill: the same legal-form list as nameCore() in common/src/text.ts.
UPDATE "companies" SET "name_core" = btrim(regexp_replace("name_normalized", '^(特定非営利活動法人|一般社団法人|一般財団法人|公益社団法人|公益財団法人|医療法人社団|医療法人財団|社会福祉法人|医療法人|学校法人|株式会社|有限会社|合同会社|合名会社|合資会社|\(株\)|\(有\)) ?| ?(特定非営利活動法人|一般社団法人|一般財団法人|公益社団法人|公益財団法人|医療法人社団|医療法人財団|社会福祉法人|医療法人|学校法人|株式会社|有限会社|合同会社|合名会社|合資会社|\(株\)|\(有\))$', '', 'g'));--> statement-breakpoint
CREATE INDEX "companies_core_prefix_idx" ON "companies" USING btree ("name_core" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "companies_kana_prefix_idx" ON "companies" USING btree ("name_kana_normalized" text_pattern_ops);