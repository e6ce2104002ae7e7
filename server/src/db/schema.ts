// The single source of the relational schema. drizzle-kit generates the versioned SQL
// migrations in ./migrations from this file; repositories query through it.
// Portability rules (ADR 002): bigint identity keys, text + CHECK instead of enums,
// no triggers or stored procedures, so the schema moves to Citus/YugabyteDB later.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

// ---------------------------------------------------------------- reference data

// 府省等 and 行政執行法人, from the contacts list of the pamphlet (seed 001).
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    code: text('code').notNull(),
    kind: text('kind').notNull(), // 'ministry' (府省等) | 'execution_agency' (行政執行法人)
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    hrOfficeJa: text('hr_office_ja'),
    hrOfficeEn: text('hr_office_en'),
    phone: text('phone'),
    parentCode: text('parent_code'), // e.g. 特許庁 → 経済産業省 (外局)
    sortOrder: integer('sort_order').notNull().default(0),
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('organisations_code_uq').on(t.code),
    check('organisations_kind_ck', sql`${t.kind} in ('ministry','execution_agency')`),
  ],
);

// Unit tree: 本府省 bureau (局) → division (課); 地方支分部局 regional offices.
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    parentId: ref('parent_id'),
    code: text('code').notNull(),
    kind: text('kind').notNull(), // 'bureau' | 'division' | 'regional_office' | 'office'
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('org_units_code_uq').on(t.code),
    index('org_units_org_idx').on(t.organisationId),
    index('org_units_parent_idx').on(t.parentId),
    check('org_units_kind_ck', sql`${t.kind} in ('bureau','division','regional_office','office')`),
  ],
);

// Eligible legal-entity types (官民人事交流法第2条 and 人事院規則21-0), with the `*` flag and dates.
export const legalEntityTypes = pgTable(
  'legal_entity_types',
  {
    code: text('code').primaryKey(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    starred: boolean('starred').notNull(), // `*`: public-revenue divisions are excluded
    eligible: boolean('eligible').notNull().default(true),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull().default(0),
    citation: text('citation').notNull(),
  },
);

// 日本標準産業分類 (JSIC) major groups A–T, with the seed's statistics grouping (e.g. サービス業).
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  statGroupJa: text('stat_group_ja').notNull(),
  statGroupEn: text('stat_group_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  source: text('source').notNull(),
});

export const worldRegions = pgTable('world_regions', {
  code: text('code').primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  source: text('source').notNull(),
});

export const prefectures = pgTable('prefectures', {
  code: text('code').primaryKey(), // JIS X 0401 two digits
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  regionJa: text('region_ja').notNull(),
  regionEn: text('region_en').notNull(),
});

// ---------------------------------------------------------------- companies (民間企業等)

export const companies = pgTable(
  'companies',
  {
    id: id(),
    corporateNumber: text('corporate_number').notNull(), // 法人番号, 13 digits with check digit
    name: text('name').notNull(), // as registered, for display
    nameNormalized: text('name_normalized').notNull(), // NFKC, for search and de-duplication
    nameCore: text('name_core').notNull().default(''), // normalised name without 株式会社 etc., for prefix search
    nameKana: text('name_kana'),
    nameKanaNormalized: text('name_kana_normalized'),
    legalTypeCode: text('legal_type_code').notNull().references(() => legalEntityTypes.code),
    capitalYen: bigint('capital_yen', { mode: 'number' }),
    employees: integer('employees'),
    industryCode: text('industry_code').references(() => industries.code),
    prefectureCode: text('prefecture_code').references(() => prefectures.code),
    address: text('address'),
    parentId: ref('parent_id'),
    status: text('status').notNull().default('active'), // 'pending' (self-registered) | 'active' | 'archived'
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('companies_corporate_number_uq').on(t.corporateNumber),
    index('companies_parent_idx').on(t.parentId),
    index('companies_industry_prefecture_idx').on(t.industryCode, t.prefectureCode, t.id),
    index('companies_legal_type_idx').on(t.legalTypeCode, t.id),
    index('companies_prefecture_idx').on(t.prefectureCode, t.id),
    // The directory's "large" band (交流基準's 大企業: capital ≥ 300,000,000 yen and ≥ 300 employees).
    // If that parameter changes, the filter stays correct and this index merely stops helping.
    index('companies_large_idx')
      .on(t.id)
      .where(sql`${t.capitalYen} >= 300000000 and ${t.employees} >= 300`),
    index('companies_name_trgm_idx').using('gin', sql`${t.nameNormalized} gin_trgm_ops`),
    index('companies_kana_trgm_idx').using('gin', sql`${t.nameKanaNormalized} gin_trgm_ops`),
    index('companies_core_prefix_idx').using('btree', sql`${t.nameCore} text_pattern_ops`),
    index('companies_kana_prefix_idx').using('btree', sql`${t.nameKanaNormalized} text_pattern_ops`),
    check('companies_corporate_number_ck', sql`${t.corporateNumber} ~ '^[0-9]{13}$'`),
    check('companies_status_ck', sql`${t.status} in ('pending','active','archived')`),
    check('companies_capital_ck', sql`${t.capitalYen} is null or ${t.capitalYen} >= 0`),
    check('companies_employees_ck', sql`${t.employees} is null or ${t.employees} >= 0`),
  ],
);

export const companyDivisions = pgTable(
  'company_divisions',
  {
    id: id(),
    companyId: ref('company_id').notNull().references(() => companies.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('company_divisions_company_idx').on(t.companyId)],
);

// ---------------------------------------------------------------- people and post history

export const people = pgTable(
  'people',
  {
    id: id(),
    kind: text('kind').notNull(), // 'official' (国家公務員) | 'employee' (民間企業等の従業員)
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana'),
    givenNameKana: text('given_name_kana'),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'), // 'female' | 'male' | 'other' | null (not recorded)
    organisationId: ref('organisation_id').references(() => organisations.id),
    companyId: ref('company_id').references(() => companies.id),
    email: text('email'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('people_org_idx').on(t.organisationId),
    index('people_company_idx').on(t.companyId),
    check('people_kind_ck', sql`${t.kind} in ('official','employee')`),
    check('people_gender_ck', sql`${t.gender} is null or ${t.gender} in ('female','male','other')`),
  ],
);

// Post history (官職歴): which unit and post, when; licensing duties are per post.
export const postAssignments = pgTable(
  'post_assignments',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => people.id),
    unitId: ref('unit_id').notNull().references(() => orgUnits.id),
    postTitleJa: text('post_title_ja').notNull(),
    postTitleEn: text('post_title_en'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    // Whether the post's duties include its unit's licensing affairs (許認可等). Default true: every
    // post in a unit with jurisdiction over a company counts as handling it unless marked otherwise.
    handlesLicensing: boolean('handles_licensing').notNull().default(true),
  },
  (t) => [
    index('post_assignments_person_idx').on(t.personId, t.startDate),
    index('post_assignments_unit_idx').on(t.unitId),
    check('post_assignments_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// ---------------------------------------------------------------- facts for the 交流基準 (criteria engine)

// 売上額等 per 年度 (FY N: 1 April N – 31 March N+1).
export const companySales = pgTable(
  'company_sales',
  {
    id: id(),
    companyId: ref('company_id').notNull().references(() => companies.id),
    fiscalYear: integer('fiscal_year').notNull(),
    amountYen: bigint('amount_yen', { mode: 'number' }).notNull(),
    source: text('source'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('company_sales_company_fy_uq').on(t.companyId, t.fiscalYear),
    check('company_sales_amount_ck', sql`${t.amountYen} >= 0`),
    check('company_sales_fy_ck', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);

// Total of the contracts between a 府省等 and a company in one fiscal year.
export const ministryContracts = pgTable(
  'ministry_contracts',
  {
    id: id(),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    companyId: ref('company_id').notNull().references(() => companies.id),
    fiscalYear: integer('fiscal_year').notNull(),
    amountYen: bigint('amount_yen', { mode: 'number' }).notNull(),
    source: text('source'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ministry_contracts_org_company_fy_uq').on(t.organisationId, t.companyId, t.fiscalYear),
    index('ministry_contracts_company_org_idx').on(t.companyId, t.organisationId),
    // Screening: every company with contracts with one organisation in recent fiscal years.
    index('ministry_contracts_org_fy_idx').on(t.organisationId, t.fiscalYear, t.companyId),
    check('ministry_contracts_amount_ck', sql`${t.amountYen} >= 0`),
    check('ministry_contracts_fy_ck', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);

// 契約の締結又は履行に携わった期間: an official's part in contracts between a 府省等 and a company.
export const contractInvolvements = pgTable(
  'contract_involvements',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => people.id),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    companyId: ref('company_id').notNull().references(() => companies.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    role: text('role'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contract_involvements_person_idx').on(t.personId, t.startDate),
    index('contract_involvements_company_idx').on(t.companyId),
    check('contract_involvements_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// 起訴・不利益処分 of a company or its officers; events of one case (case_ref) share one clock.
export const companySanctions = pgTable(
  'company_sanctions',
  {
    id: id(),
    companyId: ref('company_id').notNull().references(() => companies.id),
    caseRef: text('case_ref').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull().default('company'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [
    index('company_sanctions_company_idx').on(t.companyId, t.occurredOn),
    index('company_sanctions_occurred_idx').on(t.occurredOn, t.companyId),
    check(
      'company_sanctions_kind_ck',
      sql`${t.kind} in ('prosecution','business_suspension','surcharge_order','other_serious_disposition','other_disposition')`,
    ),
    check('company_sanctions_subject_ck', sql`${t.subject} in ('company','officer')`),
  ],
);

// 所管関係: the 課等 that handles licences and dispositions (許認可等) for a company, and when.
export const licensingJurisdictions = pgTable(
  'licensing_jurisdictions',
  {
    id: id(),
    unitId: ref('unit_id').notNull().references(() => orgUnits.id),
    companyId: ref('company_id').notNull().references(() => companies.id),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    basis: text('basis'), // e.g. the act under which the unit licenses the company
    createdAt: createdAt(),
  },
  (t) => [
    index('licensing_jurisdictions_unit_idx').on(t.unitId, t.companyId),
    index('licensing_jurisdictions_company_idx').on(t.companyId),
    check('licensing_jurisdictions_dates_ck', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// Past exchanges between a company and a unit (history and imports; live cases come with issue 4).
export const exchangeHistory = pgTable(
  'exchange_history',
  {
    id: id(),
    companyId: ref('company_id').notNull().references(() => companies.id),
    unitId: ref('unit_id').notNull().references(() => orgUnits.id),
    direction: text('direction').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    personId: ref('person_id').references(() => people.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('exchange_history_company_unit_idx').on(t.companyId, t.unitId),
    index('exchange_history_unit_idx').on(t.unitId, t.companyId),
    check('exchange_history_direction_ck', sql`${t.direction} in ('dispatch','hire')`),
    check('exchange_history_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// Revenue of a company's 部門 per fiscal year: from national/local government work, and in total.
export const divisionRevenue = pgTable(
  'division_revenue',
  {
    id: id(),
    divisionId: ref('division_id').notNull().references(() => companyDivisions.id),
    fiscalYear: integer('fiscal_year').notNull(),
    publicYen: bigint('public_yen', { mode: 'number' }).notNull(),
    totalYen: bigint('total_yen', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('division_revenue_division_fy_uq').on(t.divisionId, t.fiscalYear),
    check('division_revenue_amounts_ck', sql`${t.publicYen} >= 0 and ${t.totalYen} >= 0`),
    check('division_revenue_fy_ck', sql`${t.fiscalYear} between 1900 and 2200`),
  ],
);

// ---------------------------------------------------------------- accounts and sessions

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    email: text('email').notNull(), // stored lower-cased
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(), // argon2id
    role: text('role').notNull(),
    organisationId: ref('organisation_id').references(() => organisations.id),
    companyId: ref('company_id').references(() => companies.id),
    personId: ref('person_id').references(() => people.id),
    status: text('status').notNull().default('active'), // 'pending' | 'active' | 'disabled' | 'rejected'
    locale: text('locale').notNull().default('ja'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('accounts_email_uq').on(t.email),
    index('accounts_org_idx').on(t.organisationId),
    index('accounts_company_idx').on(t.companyId),
    check('accounts_role_ck', sql`${t.role} in ('npa','center','ministry_hr','company_hr','participant')`),
    check('accounts_status_ck', sql`${t.status} in ('pending','active','disabled','rejected')`),
    check('accounts_locale_ck', sql`${t.locale} in ('ja','en')`),
    check(
      'accounts_scope_ck',
      sql`(${t.role} in ('npa','center','ministry_hr') and ${t.organisationId} is not null)
        or (${t.role} = 'company_hr' and ${t.companyId} is not null)
        or (${t.role} = 'participant' and ${t.personId} is not null)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token; the token itself is never stored
    accountId: ref('account_id').notNull().references(() => accounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(), // absolute timeout
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_ip_idx').on(t.ip, t.at), index('login_attempts_email_idx').on(t.email, t.at)],
);

// ---------------------------------------------------------------- audit trail

// Append-only and hash-chained: hash = sha256(prev_hash || canonical(row)). See platform/audit.
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorAccountId: ref('actor_account_id'),
    actorRole: text('actor_role'),
    actorOrganisation: text('actor_organisation'), // 'org:12' | 'company:34' | null (system)
    action: text('action').notNull(), // e.g. 'company.create', 'person.read'
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_record_idx').on(t.recordType, t.recordId),
    index('audit_log_actor_idx').on(t.actorAccountId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_at_idx').on(t.at),
  ],
);

export const schemaTables = {
  organisations,
  orgUnits,
  legalEntityTypes,
  industries,
  worldRegions,
  prefectures,
  companies,
  companyDivisions,
  people,
  postAssignments,
  companySales,
  ministryContracts,
  contractInvolvements,
  companySanctions,
  licensingJurisdictions,
  exchangeHistory,
  divisionRevenue,
  accounts,
  sessions,
  loginAttempts,
  auditLog,
};

// Used by `koryu backup`/`restore` and `export`: every table in dependency order.
export const tableOrder = [
  'organisations',
  'org_units',
  'legal_entity_types',
  'industries',
  'world_regions',
  'prefectures',
  'companies',
  'company_divisions',
  'people',
  'post_assignments',
  'company_sales',
  'ministry_contracts',
  'contract_involvements',
  'company_sanctions',
  'licensing_jurisdictions',
  'exchange_history',
  'division_revenue',
  'accounts',
  'sessions',
  'login_attempts',
  'audit_log',
] as const;
