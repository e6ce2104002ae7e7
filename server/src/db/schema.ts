// The single source of the relational schema. drizzle-kit generates the versioned SQL
// migrations in ./migrations from this file; repositories query through it.
// Portability rules (ADR 002): bigint identity keys, text + CHECK instead of enums,
// no triggers or stored procedures, so the schema moves to Citus/YugabyteDB later.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
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

// ---------------------------------------------------------------- public call (公募・応募・名簿)

// A company's application to the NPA's public call, open all year. Accepted applications form the
// roster (名簿) that ministries browse. One open (submitted/accepted) application per company.
export const callApplications = pgTable(
  'call_applications',
  {
    id: id(),
    companyId: ref('company_id').notNull().references(() => companies.id),
    wantsDispatch: boolean('wants_dispatch').notNull(), // 交流派遣 (officials come to the company)
    wantsHire: boolean('wants_hire').notNull(), // 交流採用 (its employees go to a ministry)
    divisions: text('divisions').notNull().default(''), // divisions that would take part
    conditions: text('conditions').notNull().default(''), // period, fields, other conditions
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    status: text('status').notNull().default('submitted'), // 'submitted' | 'accepted' | 'returned' | 'withdrawn'
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    decidedBy: ref('decided_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('call_applications_status_idx').on(t.status, t.submittedAt),
    index('call_applications_company_idx').on(t.companyId, t.submittedAt),
    uniqueIndex('call_applications_open_uq')
      .on(t.companyId)
      .where(sql`${t.status} in ('submitted','accepted')`),
    check('call_applications_status_ck', sql`${t.status} in ('submitted','accepted','returned','withdrawn')`),
    check('call_applications_direction_ck', sql`${t.wantsDispatch} or ${t.wantsHire}`),
    check('call_applications_reason_ck', sql`${t.status} <> 'returned' or ${t.returnReason} is not null`),
  ],
);

// A company's consultation with a ministry before (or without) applying (事前相談, Q&A Q.5).
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    companyId: ref('company_id').notNull().references(() => companies.id),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    subject: text('subject').notNull(),
    status: text('status').notNull().default('open'), // 'open' | 'closed'
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consultations_company_idx').on(t.companyId, t.createdAt),
    index('consultations_org_idx').on(t.organisationId, t.createdAt),
    check('consultations_status_ck', sql`${t.status} in ('open','closed')`),
  ],
);

export const consultationMessages = pgTable(
  'consultation_messages',
  {
    id: id(),
    consultationId: ref('consultation_id').notNull().references(() => consultations.id),
    authorAccountId: ref('author_account_id').references(() => accounts.id),
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_messages_idx').on(t.consultationId, t.id)],
);

// ---------------------------------------------------------------- exchange cases (交流派遣 / 交流採用)

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

// One exchange: its parties, period and state. The state machine is modules/exchanges/workflow.ts;
// `version` guards concurrent transitions (optimistic locking).
export const exchangeCases = pgTable(
  'exchange_cases',
  {
    id: id(),
    reference: text('reference').notNull(), // e.g. 'KR-2027-000123'
    direction: text('direction').notNull(), // 'dispatch' (交流派遣) | 'hire' (交流採用)
    hireType: text('hire_type'), // 'continued' (雇用継続型) | 'resigned' (退職型), hires only
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    unitId: ref('unit_id').notNull().references(() => orgUnits.id),
    postTitle: text('post_title').notNull(), // the official's post (dispatch) or the post offered (hire)
    companyId: ref('company_id').notNull().references(() => companies.id),
    divisionId: ref('division_id').references(() => companyDivisions.id),
    personId: ref('person_id').references(() => people.id),
    plannedStart: date('planned_start', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('consultation'),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    submittedOn: date('submitted_on', { mode: 'string' }), // first submission to the NPA (review clock)
    reviewDueOn: date('review_due_on', { mode: 'string' }), // submission + target working days (内諾 target)
    informallyApprovedOn: date('informally_approved_on', { mode: 'string' }),
    certifiedOn: date('certified_on', { mode: 'string' }),
    actualStart: date('actual_start', { mode: 'string' }),
    actualEnd: date('actual_end', { mode: 'string' }),
    endReason: text('end_reason'), // early end: 'resigned' | 'other'
    endNote: text('end_note'),
    returnPost: text('return_post'), // 復帰後の官職 / post after return
    experienceUse: text('experience_use'), // how the experience will be used
    interviewIntervalMonths: integer('interview_interval_months').notNull().default(3),
    criteriaVerdict: text('criteria_verdict'), // last stored check: 'eligible' | 'ineligible' | 'needs_review'
    criteriaCheckedAt: timestamp('criteria_checked_at', { withTimezone: true, mode: 'string' }),
    criteriaResult: jsonb('criteria_result'),
    // Exceptions the NPA approved for this exchange (人事院の承認): [{ ruleId, reference }], fed to the engine.
    approvedExceptions: jsonb('approved_exceptions').notNull().default(sql`'[]'::jsonb`),
    sheet: jsonb('sheet'), // 入力支援シート content (common/src/schemas/exchange-sheet.schema.ts)
    version: integer('version').notNull().default(1),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('exchange_cases_reference_uq').on(t.reference),
    // The lists' order (planned start, then age: first submission, then id) per scope, so a page
    // is read off an index: the NPA queue (partial: the four states awaiting the NPA), a ministry's
    // pipeline, a company's cases, and any one state.
    index('exchange_cases_queue_idx')
      .on(t.plannedStart, t.submittedOn, t.id)
      .where(sql`${t.state} in ('submitted','under_review','query_to_ministry','formal_application')`),
    index('exchange_cases_state_start_idx').on(t.state, t.plannedStart, t.submittedOn, t.id),
    index('exchange_cases_org_state_idx').on(t.organisationId, t.state, t.plannedStart, t.id),
    index('exchange_cases_org_start_idx').on(t.organisationId, t.plannedStart, t.submittedOn, t.id),
    index('exchange_cases_company_idx').on(t.companyId, t.plannedStart, t.submittedOn, t.id),
    // Open cases by start month (the pipeline's chart).
    index('exchange_cases_open_start_idx')
      .on(t.organisationId, t.plannedStart)
      .where(sql`${t.state} not in ('returned','ended_early','withdrawn','rejected')`),
    // Overdue reviews (the review clock runs in three states).
    index('exchange_cases_review_due_idx')
      .on(t.reviewDueOn, t.organisationId)
      .where(sql`${t.state} in ('submitted','under_review','query_to_ministry')`),
    index('exchange_cases_person_idx').on(t.personId),
    // One person in one active exchange at a time (the workflow guard, enforced by the database too).
    uniqueIndex('exchange_cases_person_active_uq')
      .on(t.personId)
      .where(sql`${t.state} in ('active','extended')`),
    check('exchange_cases_direction_ck', sql`${t.direction} in ('dispatch','hire')`),
    check(
      'exchange_cases_hire_type_ck',
      sql`(${t.direction} = 'hire' and ${t.hireType} in ('continued','resigned')) or (${t.direction} = 'dispatch' and ${t.hireType} is null)`,
    ),
    check(
      'exchange_cases_state_ck',
      sql`${t.state} in ('consultation','submitted','under_review','query_to_ministry','informally_approved','formal_application','certified','agreement_signed','active','extended','returned','ended_early','withdrawn','rejected')`,
    ),
    check('exchange_cases_dates_ck', sql`${t.plannedEnd} > ${t.plannedStart}`),
    check('exchange_cases_end_reason_ck', sql`${t.endReason} is null or ${t.endReason} in ('resigned','other')`),
    check('exchange_cases_interval_ck', sql`${t.interviewIntervalMonths} between 1 and 24`),
  ],
);

// How many cases each organisation has in each state, kept in the same transaction as every
// create and state change (exchangesRepository.moveCount), so the NPA queue's and the pipelines'
// totals are read from at most 14 rows per organisation instead of counting cases per request.
// `rebuildCaseCounts` recomputes it from exchange_cases (bulk loads, repair).
export const exchangeCaseCounts = pgTable(
  'exchange_case_counts',
  {
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.state] }), check('exchange_case_counts_n_ck', sql`${t.n} >= 0`)],
);

// Every transition a case went through (the audit trail has the full before/after as well).
export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    caseId: ref('case_id').notNull().references(() => exchangeCases.id),
    event: text('event').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorAccountId: ref('actor_account_id').references(() => accounts.id),
    actorRole: text('actor_role'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

// The thread on a case: NPA queries (照会) and the ministry's answers, and other notes.
export const caseMessages = pgTable(
  'case_messages',
  {
    id: id(),
    caseId: ref('case_id').notNull().references(() => exchangeCases.id),
    kind: text('kind').notNull(), // 'query' | 'answer' | 'note'
    authorAccountId: ref('author_account_id').references(() => accounts.id),
    authorRole: text('author_role').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_messages_case_idx').on(t.caseId, t.id), check('case_messages_kind_ck', sql`${t.kind} in ('query','answer','note')`)],
);

// Files on a case with their version history: each upload or generation is a new version.
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: id(),
    caseId: ref('case_id').notNull().references(() => exchangeCases.id),
    kind: text('kind').notNull(), // 'input_sheet' | 'agreement_draft' | 'certification_notice' | 'other'
    version: integer('version').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('case_documents_version_uq').on(t.caseId, t.kind, t.version),
    check('case_documents_kind_ck', sql`${t.kind} in ('input_sheet','agreement_draft','certification_notice','other')`),
  ],
);

// Follow-up interviews during the exchange (e.g. quarterly), scheduled and then recorded.
export const caseInterviews = pgTable(
  'case_interviews',
  {
    id: id(),
    caseId: ref('case_id').notNull().references(() => exchangeCases.id),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    status: text('status').notNull().default('scheduled'), // 'scheduled' | 'held' | 'cancelled'
    interviewer: text('interviewer'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('case_interviews_case_idx').on(t.caseId, t.scheduledOn),
    index('case_interviews_due_idx').on(t.status, t.scheduledOn),
    check('case_interviews_status_ck', sql`${t.status} in ('scheduled','held','cancelled')`),
  ],
);

// Extension requests (延長): the ministry asks, the NPA approves (then the case is extended) or refuses.
export const caseExtensions = pgTable(
  'case_extensions',
  {
    id: id(),
    caseId: ref('case_id').notNull().references(() => exchangeCases.id),
    requestedEnd: date('requested_end', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('requested'), // 'requested' | 'approved' | 'refused'
    decisionNote: text('decision_note'),
    requestedBy: ref('requested_by').references(() => accounts.id),
    decidedBy: ref('decided_by').references(() => accounts.id),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('case_extensions_case_idx').on(t.caseId, t.id),
    uniqueIndex('case_extensions_open_uq')
      .on(t.caseId)
      .where(sql`${t.status} = 'requested'`),
    check('case_extensions_status_ck', sql`${t.status} in ('requested','approved','refused')`),
  ],
);

// Per-ministry settings for exchanges (follow-up interview cadence).
export const exchangeSettings = pgTable(
  'exchange_settings',
  {
    organisationId: ref('organisation_id').primaryKey().references(() => organisations.id),
    interviewIntervalMonths: integer('interview_interval_months').notNull().default(3),
    updatedAt: updatedAt(),
  },
  (t) => [check('exchange_settings_interval_ck', sql`${t.interviewIntervalMonths} between 1 and 24`)],
);

// ---------------------------------------------------------------- mail outbox

// Every mail koryu sends: written here in the same transaction as its cause, then delivered by
// SMTP when configured; without SMTP it stays here and the outbox page shows it. `dedupeKey`
// keeps a reminder from being sent twice.
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    toAccountId: ref('to_account_id').references(() => accounts.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    kind: text('kind').notNull(), // e.g. 'reminder.review_overdue'
    caseId: ref('case_id').references(() => exchangeCases.id),
    status: text('status').notNull().default('pending'), // 'pending' | 'sent' | 'failed' | 'held' (no SMTP)
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_uq').on(t.dedupeKey),
    index('mail_outbox_status_idx').on(t.status, t.id),
    index('mail_outbox_case_idx').on(t.caseId),
    check('mail_outbox_status_ck', sql`${t.status} in ('pending','sent','failed','held')`),
  ],
);

// ---------------------------------------------------------------- bridging (issue 5)
// Wish sheets (交流希望シート), inquiries through the single contact window (問合せ窓口),
// information sessions (説明会), matching rounds and the public knowledge pages.

// A wish sheet: a ministry's dispatch or hire wish, or a company's sheet. The validated input
// (common/src/schemas/wishes.schema.ts) is kept whole in `body`; the columns below are copies of
// what the public listing filters and sorts on. `reference` is the stable public id (URL).
export const wishSheets = pgTable(
  'wish_sheets',
  {
    id: id(),
    reference: text('reference').notNull(), // e.g. 'WS-000123', used in the public URL
    kind: text('kind').notNull(), // 'ministry_dispatch' | 'ministry_hire' | 'company'
    direction: text('direction').notNull(), // 'dispatch' | 'hire' | 'both' (a company sheet may host and send)
    organisationId: ref('organisation_id').references(() => organisations.id), // ministry sheets
    companyId: ref('company_id').references(() => companies.id), // company sheets
    status: text('status').notNull().default('draft'), // 'draft' | 'published' | 'closed'
    title: text('title').notNull(),
    body: jsonb('body').notNull(),
    // Listing copies (kept in step with body by the repository).
    industryCodes: text('industry_codes').array().notNull().default(sql`'{}'::text[]`),
    fieldCodes: text('field_codes').array().notNull().default(sql`'{}'::text[]`),
    ageBands: text('age_bands').array().notNull().default(sql`'{}'::text[]`),
    prefectureCode: text('prefecture_code'),
    periodMinMonths: integer('period_min_months').notNull(),
    periodMaxMonths: integer('period_max_months').notNull(),
    startFrom: text('start_from').notNull(), // 'YYYY-MM'
    startTo: text('start_to').notNull(),
    // Search: the NFKC-folded text (kana folded, readings added); its characters and bigrams plus
    // the facet keys, so that one GIN scan answers the text and the filters together (ADR 008).
    searchText: text('search_text').notNull().default(''),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    // The listing's filters as keys ('d:hire', 'i:E', 'r:kinki' …; modules/wishes/wishes.rules.ts
    // facetKeysOf) alone: small enough to stay in the row, so scans check them cheaply row by row.
    facetKeys: text('facet_keys').array().notNull().default(sql`'{}'::text[]`),
    expiresOn: date('expires_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('wish_sheets_reference_uq').on(t.reference),
    index('wish_sheets_published_idx').on(t.publishedAt, t.id).where(sql`${t.status} = 'published'`),
    // The public listing's other two orders (start window, expiry), for pages of large match sets.
    index('wish_sheets_start_idx').on(t.startFrom, t.publishedAt.desc(), t.id.desc()).where(sql`${t.status} = 'published'`),
    index('wish_sheets_expires_idx').on(t.expiresOn.asc().nullsLast(), t.publishedAt.desc(), t.id.desc()).where(sql`${t.status} = 'published'`),
    index('wish_sheets_grams_idx').using('gin', t.searchGrams),
    // Filters without text: the keys alone (few distinct values, so the planner's estimates hold).
    index('wish_sheets_facets_idx').using('gin', t.facetKeys),
    index('wish_sheets_industries_idx').using('gin', t.industryCodes),
    index('wish_sheets_org_idx').on(t.organisationId, t.status),
    index('wish_sheets_company_idx').on(t.companyId, t.status),
    check('wish_sheets_kind_ck', sql`${t.kind} in ('ministry_dispatch','ministry_hire','company')`),
    check('wish_sheets_direction_ck', sql`${t.direction} in ('dispatch','hire','both')`),
    check('wish_sheets_status_ck', sql`${t.status} in ('draft','published','closed')`),
    check(
      'wish_sheets_owner_ck',
      sql`(${t.kind} = 'company' and ${t.companyId} is not null and ${t.organisationId} is null)
        or (${t.kind} <> 'company' and ${t.organisationId} is not null and ${t.companyId} is null)`,
    ),
    check('wish_sheets_period_ck', sql`${t.periodMinMonths} <= ${t.periodMaxMonths}`),
  ],
);

// Edit history of a sheet: every saved version, whole.
export const wishSheetVersions = pgTable(
  'wish_sheet_versions',
  {
    id: id(),
    sheetId: ref('sheet_id').notNull().references(() => wishSheets.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    body: jsonb('body').notNull(),
    changedBy: ref('changed_by').references(() => accounts.id),
    changedAt: createdAt(),
    note: text('note'), // e.g. 'published', 'closed: filled'
  },
  (t) => [uniqueIndex('wish_sheet_versions_uq').on(t.sheetId, t.version)],
);

// 問合せ (single contact window): one side asks about a sheet; the center forwards; contacts
// are disclosed only when both sides have agreed.
export const inquiries = pgTable(
  'inquiries',
  {
    id: id(),
    sheetId: ref('sheet_id').notNull().references(() => wishSheets.id),
    askerAccountId: ref('asker_account_id').notNull().references(() => accounts.id),
    askerOrganisationId: ref('asker_organisation_id').references(() => organisations.id),
    askerCompanyId: ref('asker_company_id').references(() => companies.id),
    subject: text('subject').notNull(),
    status: text('status').notNull().default('open'), // open | forwarded | answered | contact_exchanged | closed
    askerAgreedAt: timestamp('asker_agreed_at', { withTimezone: true, mode: 'string' }),
    ownerAgreedAt: timestamp('owner_agreed_at', { withTimezone: true, mode: 'string' }),
    // Who agreed for each side: the owner's agreeing account is the owning side's contact.
    askerAgreedBy: ref('asker_agreed_by').references(() => accounts.id),
    ownerAgreedBy: ref('owner_agreed_by').references(() => accounts.id),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true, mode: 'string' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inquiries_status_idx').on(t.status, t.lastActivityAt),
    index('inquiries_sheet_idx').on(t.sheetId),
    index('inquiries_asker_org_idx').on(t.askerOrganisationId),
    index('inquiries_asker_company_idx').on(t.askerCompanyId),
    check('inquiries_status_ck', sql`${t.status} in ('open','forwarded','answered','contact_exchanged','closed')`),
    check('inquiries_asker_ck', sql`${t.askerOrganisationId} is not null or ${t.askerCompanyId} is not null`),
  ],
);

// A message in an inquiry thread. `audience`: who may read it ('center' only, the asker's side
// and the center, the owner's side and the center, or everyone in the thread).
export const inquiryMessages = pgTable(
  'inquiry_messages',
  {
    id: id(),
    inquiryId: ref('inquiry_id').notNull().references(() => inquiries.id, { onDelete: 'cascade' }),
    authorAccountId: ref('author_account_id').references(() => accounts.id),
    authorSide: text('author_side').notNull(), // 'asker' | 'owner' | 'center' | 'system'
    audience: text('audience').notNull(), // 'center' | 'asker' | 'owner' | 'all'
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('inquiry_messages_inquiry_idx').on(t.inquiryId, t.id),
    check('inquiry_messages_side_ck', sql`${t.authorSide} in ('asker','owner','center','system')`),
    check('inquiry_messages_audience_ck', sql`${t.audience} in ('center','asker','owner','all')`),
  ],
);

// 説明会: an event with on-site sessions and an online replay period.
export const infoEvents = pgTable(
  'info_events',
  {
    id: id(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    description: text('description').notNull().default(''),
    descriptionEn: text('description_en'),
    replayFrom: date('replay_from', { mode: 'string' }), // オンライン配信 (アーカイブ) period
    replayUntil: date('replay_until', { mode: 'string' }),
    replayCapacity: integer('replay_capacity'),
    status: text('status').notNull().default('planned'), // 'planned' | 'open' | 'closed' | 'held'
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('info_events_status_ck', sql`${t.status} in ('planned','open','closed','held')`),
    check('info_events_replay_ck', sql`${t.replayUntil} is null or ${t.replayFrom} is null or ${t.replayFrom} <= ${t.replayUntil}`),
  ],
);

export const eventSessions = pgTable(
  'event_sessions',
  {
    id: id(),
    eventId: ref('event_id').notNull().references(() => infoEvents.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }).notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(), // people
    programme: text('programme').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_sessions_event_idx').on(t.eventId, t.startsAt),
    check('event_sessions_capacity_ck', sql`${t.capacity} > 0`),
    check('event_sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

// A registration: on site (a session) or online (the replay). One per company per session, and
// one online registration per company per event.
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: id(),
    eventId: ref('event_id').notNull().references(() => infoEvents.id, { onDelete: 'cascade' }),
    sessionId: ref('session_id').references(() => eventSessions.id, { onDelete: 'cascade' }), // null: online
    mode: text('mode').notNull(), // 'onsite' | 'online'
    companyId: ref('company_id').notNull().references(() => companies.id),
    accountId: ref('account_id').references(() => accounts.id),
    attendees: jsonb('attendees').notNull(), // [{ name, title }]
    attendeeCount: integer('attendee_count').notNull(),
    wantedOrganisationIds: jsonb('wanted_organisation_ids').notNull().default(sql`'[]'::jsonb`),
    status: text('status').notNull().default('registered'), // 'registered' | 'cancelled'
    attendedCount: integer('attended_count'), // recorded on the day / from the replay log
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('event_registrations_session_company_uq')
      .on(t.sessionId, t.companyId)
      .where(sql`${t.status} = 'registered' and ${t.sessionId} is not null`),
    uniqueIndex('event_registrations_online_company_uq')
      .on(t.eventId, t.companyId)
      .where(sql`${t.status} = 'registered' and ${t.mode} = 'online'`),
    index('event_registrations_event_idx').on(t.eventId),
    check('event_registrations_mode_ck', sql`${t.mode} in ('onsite','online')`),
    check(
      'event_registrations_session_ck',
      sql`(${t.mode} = 'onsite' and ${t.sessionId} is not null) or (${t.mode} = 'online' and ${t.sessionId} is null)`,
    ),
    check('event_registrations_status_ck', sql`${t.status} in ('registered','cancelled')`),
    check('event_registrations_count_ck', sql`${t.attendeeCount} > 0`),
  ],
);

// Ministries taking part: with a booth for individual talks, or for exchange of views only.
export const eventMinistries = pgTable(
  'event_ministries',
  {
    eventId: ref('event_id').notNull().references(() => infoEvents.id, { onDelete: 'cascade' }),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    participation: text('participation').notNull(), // 'talks' (個別相談) | 'views_only' (意見交換のみ)
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organisationId] }),
    check('event_ministries_participation_ck', sql`${t.participation} in ('talks','views_only')`),
  ],
);

// After the event: contact exchanges between a company and a ministry, and their follow-up.
export const eventContacts = pgTable(
  'event_contacts',
  {
    id: id(),
    eventId: ref('event_id').notNull().references(() => infoEvents.id, { onDelete: 'cascade' }),
    companyId: ref('company_id').notNull().references(() => companies.id),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    followUp: text('follow_up').notNull().default('contacted'), // contacted | in_talks | case_opened | no_further
    note: text('note').notNull().default(''),
    recordedBy: ref('recorded_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('event_contacts_uq').on(t.eventId, t.companyId, t.organisationId),
    check('event_contacts_follow_up_ck', sql`${t.followUp} in ('contacted','in_talks','case_opened','no_further')`),
  ],
);

// A matching round run by the center: both sides rank at most `maxRanks` sheets, then a stable
// matching (deferred acceptance) proposes pairs. Proposals only, never binding.
export const matchingRounds = pgTable(
  'matching_rounds',
  {
    id: id(),
    title: text('title').notNull(),
    direction: text('direction').notNull(), // 'dispatch' | 'hire'
    maxRanks: integer('max_ranks').notNull().default(5),
    proposingSide: text('proposing_side').notNull().default('ministry'), // 'ministry' | 'company'
    status: text('status').notNull().default('ranking'), // 'ranking' | 'run' | 'closed'
    rankingClosesOn: date('ranking_closes_on', { mode: 'string' }),
    report: jsonb('report'), // the transparency report of the run
    runAt: timestamp('run_at', { withTimezone: true, mode: 'string' }),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('matching_rounds_direction_ck', sql`${t.direction} in ('dispatch','hire')`),
    check('matching_rounds_side_ck', sql`${t.proposingSide} in ('ministry','company')`),
    check('matching_rounds_status_ck', sql`${t.status} in ('ranking','run','closed')`),
    check('matching_rounds_max_ck', sql`${t.maxRanks} between 1 and 20`),
  ],
);

// A sheet in a round, with its capacity (how many partners it can take).
export const matchingParticipants = pgTable(
  'matching_participants',
  {
    roundId: ref('round_id').notNull().references(() => matchingRounds.id, { onDelete: 'cascade' }),
    sheetId: ref('sheet_id').notNull().references(() => wishSheets.id),
    side: text('side').notNull(), // 'ministry' | 'company'
    capacity: integer('capacity').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.sheetId] }),
    check('matching_participants_side_ck', sql`${t.side} in ('ministry','company')`),
    check('matching_participants_capacity_ck', sql`${t.capacity} between 1 and 100`),
  ],
);

// One ranking entry: `sheetId` ranks `rankedSheetId` at position `rank` (1 = first choice).
export const matchingRankings = pgTable(
  'matching_rankings',
  {
    roundId: ref('round_id').notNull().references(() => matchingRounds.id, { onDelete: 'cascade' }),
    sheetId: ref('sheet_id').notNull().references(() => wishSheets.id),
    rankedSheetId: ref('ranked_sheet_id').notNull().references(() => wishSheets.id),
    rank: integer('rank').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.sheetId, t.rankedSheetId] }),
    uniqueIndex('matching_rankings_rank_uq').on(t.roundId, t.sheetId, t.rank),
    check('matching_rankings_rank_ck', sql`${t.rank} >= 1`),
  ],
);

// 知識ページ (public, ja/en): Q&A, overview, welfare table, criteria summary, tips, testimonials,
// contacts. Bodies are Markdown-like text; every save keeps the previous version.
export const knowledgePages = pgTable(
  'knowledge_pages',
  {
    id: id(),
    slug: text('slug').notNull(),
    section: text('section').notNull(), // 'qa' | 'overview' | 'welfare' | 'criteria' | 'tips' | 'testimonials' | 'contacts'
    audience: text('audience').notNull().default('all'), // 'ministry' | 'company' | 'all' (Q&A: whose question)
    groupKey: text('group_key').notNull().default(''), // Q&A group, e.g. 'eligibility', 'salary'
    sortOrder: integer('sort_order').notNull().default(0),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    bodyJa: text('body_ja').notNull(),
    bodyEn: text('body_en').notNull(),
    source: text('source'), // citation, e.g. 'seed 003 ガイドブック Q12'
    published: boolean('published').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedBy: ref('updated_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('knowledge_pages_slug_uq').on(t.slug),
    index('knowledge_pages_section_idx').on(t.section, t.groupKey, t.sortOrder),
    check(
      'knowledge_pages_section_ck',
      sql`${t.section} in ('qa','overview','welfare','criteria','tips','testimonials','contacts')`,
    ),
    check('knowledge_pages_audience_ck', sql`${t.audience} in ('ministry','company','all')`),
  ],
);

export const knowledgePageVersions = pgTable(
  'knowledge_page_versions',
  {
    id: id(),
    pageId: ref('page_id').notNull().references(() => knowledgePages.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    bodyJa: text('body_ja').notNull(),
    bodyEn: text('body_en').notNull(),
    changedBy: ref('changed_by').references(() => accounts.id),
    changedAt: createdAt(),
  },
  (t) => [uniqueIndex('knowledge_page_versions_uq').on(t.pageId, t.version)],
);

// ---------------------------------------------------------------- published statistics (issue 6)

// 公表資料 — a publication figures were taken from (annual report 年次報告書, pamphlet, …).
export const statPublications = pgTable(
  'stat_publications',
  {
    id: id(),
    code: text('code').notNull(),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    publisher: text('publisher').notNull(),
    edition: text('edition'),
    // "latest" = the figure from the publication with the greatest (published_year, published_on, id)
    publishedYear: integer('published_year').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    document: text('document').notNull(),
    file: text('file'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stat_publications_code_uq').on(t.code)],
);

// 公表数値 — one printed figure of one publication. Every published version is kept (never updated
// in place); a later publication's figure revises an earlier one. value null = not printed.
export const statPublishedFigures = pgTable(
  'stat_published_figures',
  {
    id: id(),
    series: text('series').notNull(),
    periodKind: text('period_kind').notNull(), // 'fiscal' (年度) | 'calendar' (年)
    periodYear: integer('period_year').notNull(),
    dimension: text('dimension').notNull().default(''),
    measure: text('measure').notNull(),
    value: integer('value'),
    publicationId: ref('publication_id').notNull().references(() => statPublications.id),
    sourceTable: text('source_table'),
    sourcePage: text('source_page'),
    sourceLines: text('source_lines'),
    sourceText: text('source_text'),
    flaggedRevision: boolean('flagged_revision').notNull().default(false),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    importedBy: ref('imported_by').references(() => accounts.id),
    importLabel: text('import_label'),
  },
  (t) => [
    uniqueIndex('stat_published_figures_uq').on(t.series, t.periodKind, t.periodYear, t.dimension, t.measure, t.publicationId),
    index('stat_published_figures_series_idx').on(t.series, t.periodKind, t.periodYear),
    check('stat_published_figures_period_kind_ck', sql`${t.periodKind} in ('fiscal','calendar')`),
  ],
);

// ---------------------------------------------------------------- surveys (issue 7)
// Questionnaires to ministries' HR and to participants (アンケート). A definition is data
// (common/src/schemas/survey-definition.schema.ts); a round sends one definition version to targets;
// a target answers once. Anonymity (無記名): see server/src/modules/surveys/README.md, "Anonymous rounds".

// 設問定義: key + version, the validated JSON; frozen (never changed) once a round using it opens.
export const surveyDefinitions = pgTable(
  'survey_definitions',
  {
    id: id(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    audience: text('audience').notNull(), // 'organisation' | 'participant'
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    body: jsonb('body').notNull(),
    template: text('template'), // the data file it was loaded from (templates/…json), null when imported
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'string' }),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_definitions_key_version_uq').on(t.key, t.version),
    check('survey_definitions_audience_ck', sql`${t.audience} in ('organisation','participant')`),
  ],
);

// 実施回: one definition version sent to targets between two dates.
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: id(),
    definitionId: ref('definition_id').notNull().references(() => surveyDefinitions.id),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    audience: text('audience').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    minN: integer('min_n').notNull().default(5),
    remindDaysBefore: integer('remind_days_before').notNull().default(7),
    state: text('state').notNull().default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('survey_rounds_definition_idx').on(t.definitionId),
    check('survey_rounds_audience_ck', sql`${t.audience} in ('organisation','participant')`),
    check('survey_rounds_state_ck', sql`${t.state} in ('draft','open','closed')`),
    check('survey_rounds_dates_ck', sql`${t.closesOn} >= ${t.opensOn}`),
    check('survey_rounds_min_n_ck', sql`${t.minN} between 1 and 1000`),
    check('survey_rounds_remind_ck', sql`${t.remindDaysBefore} between 0 and 60`),
  ],
);

// 配布先: one respondent of a round — an organisation (its HR), an HR line (org unit), or a person.
// `submitted` is the only trace of an answer here: a boolean, no time (see the README).
export const surveyTargets = pgTable(
  'survey_targets',
  {
    id: id(),
    roundId: ref('round_id').notNull().references(() => surveyRounds.id),
    kind: text('kind').notNull(), // 'organisation' | 'org_unit' | 'person'
    subject: text('subject').notNull(), // 'organisation:12' | 'org_unit:34' | 'person:56' (unique per round)
    organisationId: ref('organisation_id').references(() => organisations.id),
    orgUnitId: ref('org_unit_id').references(() => orgUnits.id),
    personId: ref('person_id').references(() => people.id),
    attributes: jsonb('attributes').notNull().default(sql`'{}'::jsonb`),
    submitted: boolean('submitted').notNull().default(false),
    lastRemindedOn: date('last_reminded_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_targets_round_subject_uq').on(t.roundId, t.subject),
    index('survey_targets_org_idx').on(t.organisationId),
    index('survey_targets_person_idx').on(t.personId),
    check('survey_targets_kind_ck', sql`${t.kind} in ('organisation','org_unit','person')`),
    check(
      'survey_targets_refs_ck',
      sql`(${t.kind} = 'organisation' and ${t.organisationId} is not null and ${t.orgUnitId} is null and ${t.personId} is null)
        or (${t.kind} = 'org_unit' and ${t.organisationId} is not null and ${t.orgUnitId} is not null and ${t.personId} is null)
        or (${t.kind} = 'person' and ${t.personId} is not null)`,
    ),
  ],
);

// 一時保存: a target's draft (deleted when the answer is submitted).
export const surveyDrafts = pgTable('survey_drafts', {
  targetId: ref('target_id').primaryKey().references(() => surveyTargets.id),
  answers: jsonb('answers').notNull(),
  updatedBy: ref('updated_by').references(() => accounts.id),
  updatedAt: updatedAt(),
});

// 回答: a submitted answer set. Identified rounds: target, account and time. Anonymous rounds: none
// of them, a random key (no insertion order), attributes coarsened to what the conditions test.
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: text('id').primaryKey(), // random UUID, never an identity (its order would follow the submissions)
    roundId: ref('round_id').notNull().references(() => surveyRounds.id),
    anonymous: boolean('anonymous').notNull(),
    targetId: ref('target_id').references(() => surveyTargets.id),
    submittedBy: ref('submitted_by').references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    // json, not jsonb: read whole and never queried inside, and PostgreSQL returns json as stored
    // instead of re-serialising jsonb (the results of 10,000 answers load in about half the time).
    attributes: json('attributes').notNull(),
    answers: json('answers').notNull(),
  },
  (t) => [
    index('survey_responses_round_idx').on(t.roundId),
    uniqueIndex('survey_responses_target_uq').on(t.targetId),
    check(
      'survey_responses_anonymity_ck',
      sql`(${t.anonymous} and ${t.targetId} is null and ${t.submittedBy} is null and ${t.submittedAt} is null)
        or (not ${t.anonymous} and ${t.targetId} is not null and ${t.submittedAt} is not null)`,
    ),
  ],
);

// ---------------------------------------------------------------- international side (issue 8)
// Dispatch to international organisations under 派遣法, the 5-year consultations (協議), seminars
// for foreign officials, fellowships, foreign delegations and networks. Rules: modules/international.

// 派遣先機関: the starter list is modules/international/data/organisations.json; the NPA edits it.
export const intlHostOrganisations = pgTable(
  'intl_host_organisations',
  {
    id: id(),
    code: text('code').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    hostType: text('host_type').notNull(), // parameter dispatch.host_types
    regionCode: text('region_code').notNull().references(() => worldRegions.code),
    seat: text('seat'),
    source: text('source').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('intl_host_organisations_code_uq').on(t.code),
    check('intl_host_organisations_type_ck', sql`${t.hostType} in ('international_organisation','foreign_government','equivalent_body')`),
  ],
);

// 派遣: one official's dispatch. planned_end is the original; current_planned_end follows renewals.
export const intlDispatches = pgTable(
  'intl_dispatches',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => people.id),
    sendingOrganisationId: ref('sending_organisation_id').notNull().references(() => organisations.id),
    hostOrganisationId: ref('host_organisation_id').references(() => intlHostOrganisations.id),
    hostName: text('host_name'),
    hostType: text('host_type').notNull(),
    regionCode: text('region_code').notNull().references(() => worldRegions.code),
    post: text('post'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    currentPlannedEnd: date('current_planned_end', { mode: 'string' }).notNull(),
    actualEnd: date('actual_end', { mode: 'string' }),
    outcome: text('outcome'),
    consentRecordedOn: date('consent_recorded_on', { mode: 'string' }),
    consentRecordedBy: ref('consent_recorded_by').references(() => accounts.id),
    state: text('state').notNull().default('draft'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intl_dispatches_person_idx').on(t.personId),
    index('intl_dispatches_sending_idx').on(t.sendingOrganisationId),
    index('intl_dispatches_start_idx').on(t.startDate),
    // one official on one active dispatch at a time (overlapping dates are refused by the domain check)
    uniqueIndex('intl_dispatches_one_active_uq').on(t.personId).where(sql`${t.state} = 'active'`),
    check('intl_dispatches_state_ck', sql`${t.state} in ('draft','active','ended','cancelled')`),
    check('intl_dispatches_type_ck', sql`${t.hostType} in ('international_organisation','foreign_government','equivalent_body')`),
    check('intl_dispatches_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ('returned_to_duty','resigned_during_dispatch','resigned_on_return','died')`),
    check('intl_dispatches_dates_ck', sql`${t.plannedEnd} >= ${t.startDate} and ${t.currentPlannedEnd} >= ${t.plannedEnd}`),
    check('intl_dispatches_actual_end_ck', sql`${t.actualEnd} is null or (${t.actualEnd} >= ${t.startDate} and ${t.actualEnd} <= ${t.currentPlannedEnd})`),
    check('intl_dispatches_ended_ck', sql`(${t.state} = 'ended') = (${t.actualEnd} is not null and ${t.outcome} is not null)`),
    check('intl_dispatches_host_ck', sql`${t.hostOrganisationId} is not null or ${t.hostName} is not null`),
  ],
);

// 更新: each renewal sets a new planned end (seq 0, 1, …).
export const intlDispatchRenewals = pgTable(
  'intl_dispatch_renewals',
  {
    id: id(),
    dispatchId: ref('dispatch_id').notNull().references(() => intlDispatches.id),
    seq: integer('seq').notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('intl_dispatch_renewals_seq_uq').on(t.dispatchId, t.seq), check('intl_dispatch_renewals_seq_ck', sql`${t.seq} >= 0`)],
);

// 協議: filed by the ministry before a step (the dispatch, or renewal n) beyond 5 years; answered by the NPA.
export const intlConsultations = pgTable(
  'intl_consultations',
  {
    id: id(),
    dispatchId: ref('dispatch_id').notNull().references(() => intlDispatches.id),
    step: text('step').notNull(), // 'initial' | renewal seq as text
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    filedBy: ref('filed_by').references(() => accounts.id),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    answer: text('answer').notNull().default('pending'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: ref('answered_by').references(() => accounts.id),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('intl_consultations_dispatch_idx').on(t.dispatchId),
    check('intl_consultations_step_ck', sql`${t.step} ~ '^(initial|[0-9]+)$'`),
    check('intl_consultations_answer_ck', sql`${t.answer} in ('pending','agreed','not_agreed','withdrawn')`),
    check('intl_consultations_answered_ck', sql`${t.answer} not in ('agreed','not_agreed') or (${t.answeredOn} is not null and ${t.answeredOn} >= ${t.filedOn})`),
  ],
);

// 研修 for foreign officials (JICA courses): the courses are data (modules/international/data/seminars.json).
export const intlSeminarSessions = pgTable(
  'intl_seminar_sessions',
  {
    id: id(),
    courseCode: text('course_code').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    lengthLabel: text('length_label'),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('intl_seminar_sessions_course_idx').on(t.courseCode, t.fiscalYear),
    check('intl_seminar_sessions_dates_ck', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

export const intlSeminarParticipants = pgTable(
  'intl_seminar_participants',
  {
    id: id(),
    sessionId: ref('session_id').notNull().references(() => intlSeminarSessions.id),
    country: text('country').notNull(), // ISO 3166-1 alpha-2 (国・地域)
    organisation: text('organisation'),
    level: text('level'),
  },
  (t) => [index('intl_seminar_participants_session_idx').on(t.sessionId), check('intl_seminar_participants_country_ck', sql`${t.country} ~ '^[A-Z]{2}$'`)],
);

// Mike Mansfield fellowship: cohorts, fellows, their placements; NPA's arrangements as a list.
export const intlFellowshipCohorts = pgTable(
  'intl_fellowship_cohorts',
  {
    id: id(),
    cohortNumber: integer('cohort_number').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    programmeMonths: integer('programme_months'),
    arrangements: jsonb('arrangements').notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('intl_fellowship_cohorts_number_uq').on(t.cohortNumber)],
);

export const intlFellows = pgTable(
  'intl_fellows',
  {
    id: id(),
    cohortId: ref('cohort_id').notNull().references(() => intlFellowshipCohorts.id),
    name: text('name').notNull(),
    homeAgency: text('home_agency'),
  },
  (t) => [index('intl_fellows_cohort_idx').on(t.cohortId)],
);

export const intlFellowPlacements = pgTable(
  'intl_fellow_placements',
  {
    id: id(),
    fellowId: ref('fellow_id').notNull().references(() => intlFellows.id),
    organisationId: ref('organisation_id').notNull().references(() => organisations.id),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [
    index('intl_fellow_placements_fellow_idx').on(t.fellowId),
    check('intl_fellow_placements_dates_ck', sql`${t.toDate} is null or ${t.fromDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

// 外国からの調査訪問.
export const intlDelegationVisits = pgTable(
  'intl_delegation_visits',
  {
    id: id(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    parties: jsonb('parties').notNull(), // [{ kind: 'country'|'organisation', code }]
    visitors: integer('visitors'),
    topic: text('topic'),
    npaStaff: jsonb('npa_staff').notNull().default(sql`'[]'::jsonb`),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index('intl_delegation_visits_date_idx').on(t.visitDate), check('intl_delegation_visits_visitors_ck', sql`${t.visitors} is null or ${t.visitors} >= 0`)],
);

// ACCSM+3 and the China–Japan–Korea network: meetings, symposia, workshops, joint trainings.
export const intlNetworkEvents = pgTable(
  'intl_network_events',
  {
    id: id(),
    network: text('network').notNull(),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    place: text('place').notNull(),
    theme: text('theme').notNull(),
    host: text('host').notNull(),
    participants: jsonb('participants').notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    createdBy: ref('created_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('intl_network_events_date_idx').on(t.startDate),
    check('intl_network_events_network_ck', sql`${t.network} in ('accsm_plus3','china_japan_korea')`),
    check('intl_network_events_kind_ck', sql`${t.kind} in ('meeting','symposium','workshop','joint_training','other')`),
    check('intl_network_events_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
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
  callApplications,
  consultations,
  consultationMessages,
  exchangeCases,
  exchangeCaseCounts,
  caseEvents,
  caseMessages,
  caseDocuments,
  caseInterviews,
  caseExtensions,
  exchangeSettings,
  mailOutbox,
  wishSheets,
  wishSheetVersions,
  inquiries,
  inquiryMessages,
  infoEvents,
  eventSessions,
  eventRegistrations,
  eventMinistries,
  eventContacts,
  matchingRounds,
  matchingParticipants,
  matchingRankings,
  knowledgePages,
  knowledgePageVersions,
  statPublications,
  statPublishedFigures,
  surveyDefinitions,
  surveyRounds,
  surveyTargets,
  surveyDrafts,
  surveyResponses,
  intlHostOrganisations,
  intlDispatches,
  intlDispatchRenewals,
  intlConsultations,
  intlSeminarSessions,
  intlSeminarParticipants,
  intlFellowshipCohorts,
  intlFellows,
  intlFellowPlacements,
  intlDelegationVisits,
  intlNetworkEvents,
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
  'call_applications',
  'consultations',
  'consultation_messages',
  'exchange_cases',
  'exchange_case_counts',
  'case_events',
  'case_messages',
  'case_documents',
  'case_interviews',
  'case_extensions',
  'exchange_settings',
  'mail_outbox',
  'wish_sheets',
  'wish_sheet_versions',
  'inquiries',
  'inquiry_messages',
  'info_events',
  'event_sessions',
  'event_registrations',
  'event_ministries',
  'event_contacts',
  'matching_rounds',
  'matching_participants',
  'matching_rankings',
  'knowledge_pages',
  'knowledge_page_versions',
  'stat_publications',
  'stat_published_figures',
  'survey_definitions',
  'survey_rounds',
  'survey_targets',
  'survey_drafts',
  'survey_responses',
  'intl_host_organisations',
  'intl_dispatches',
  'intl_dispatch_renewals',
  'intl_consultations',
  'intl_seminar_sessions',
  'intl_seminar_participants',
  'intl_fellowship_cohorts',
  'intl_fellows',
  'intl_fellow_placements',
  'intl_delegation_visits',
  'intl_network_events',
] as const;
