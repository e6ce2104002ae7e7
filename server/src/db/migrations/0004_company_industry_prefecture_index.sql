DROP INDEX "companies_industry_idx";--> statement-breakpoint
CREATE INDEX "companies_industry_prefecture_idx" ON "companies" USING btree ("industry_code","prefecture_code","id");