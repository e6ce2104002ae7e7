// Where every table would live on distributed PostgreSQL (Citus; YugabyteDB is less strict, see
// docs/scaling.md), as data. server/src/db/schema-rules.test.ts checks the Drizzle schema against it:
//
// - every table of schema.ts is classified here, and has a primary key;
// - reference tables (small, replicated to every node) reference only reference tables;
// - local tables (coordinator only) reference only reference and local tables;
// - a distributed table's primary key and unique indexes include its distribution key, and each of
//   its foreign keys points to a reference table or to a table of its colocation group through the
//   distribution key (its key column → the other table's key column);
// - SQL that would take cross-shard locks or need a global order (LOCK TABLE, row locks, advisory
//   locks, sequence calls, triggers/functions/types, LISTEN/NOTIFY) appears in server/src only where
//   ALLOWED_SQL lists it;
// - nothing breaks these rules except the SCHEMA_EXCEPTIONS below, and every exception listed still
//   applies (a fixed one must be removed from the list).
//
// The current schema is a single-node schema that avoids the features that cannot be distributed
// (ADR 002); it does not yet carry the distribution key in the keys of child tables. The exceptions
// are therefore the list of what a migration must change before a move to Citus (widen the
// primary key to (key, id), add the key column to grandchildren, drop or move a few global unique
// indexes), each with its reason. This module is data only: nothing at run time reads it.

export type Placement =
  | { kind: 'reference'; why: string }
  | { kind: 'local'; why: string }
  /** `key`: the distribution column (SQL name); `group`: the root table of its colocation group. */
  | { kind: 'distributed'; key: string; group: string; why: string };

const reference = (why: string): Placement => ({ kind: 'reference', why });
const local = (why: string): Placement => ({ kind: 'local', why });
const distributed = (key: string, group: string, why: string): Placement => ({ kind: 'distributed', key, group, why });

const REF_CODES = 'reference data, changed only by migration; tens of rows';

/** Every table, by its SQL name. */
export const DISTRIBUTION: Readonly<Record<string, Placement>> = {
  // ---- reference: small, replicated, joined from every shard
  organisations: reference(`${REF_CODES} (42 organisations)`),
  org_units: reference(`${REF_CODES} (552 units)`),
  legal_entity_types: reference(REF_CODES),
  industries: reference(REF_CODES),
  world_regions: reference(REF_CODES),
  prefectures: reference(REF_CODES),
  accounts: reference('every request joins its session to the account; thousands of rows (NPA, ministries, company HR, participants); written at login and by administrators only'),
  exchange_settings: reference('one row per organisation'),
  exchange_case_counts: reference('at most 42 × 14 counters, read by the queue and pipelines; written in the case transaction (a write to every node: the hot spot to watch)'),
  knowledge_pages: reference('a few hundred public pages, edited by the center'),
  knowledge_page_versions: reference('edit history of the knowledge pages'),
  stat_publications: reference('the publications figures come from; tens of rows'),
  stat_published_figures: reference('printed figures of the annual reports; thousands of rows, imported by the NPA'),
  survey_definitions: reference('questionnaire definitions; a few per year'),
  survey_rounds: reference('rounds of a survey; a few per year'),
  info_events: reference('説明会: a few per year'),
  event_sessions: reference('sessions of the 説明会; tens per year'),
  event_ministries: reference('ministries taking part in an event'),
  matching_rounds: reference('matching rounds run by the center; a few per year'),
  intl_host_organisations: reference('the list of international host organisations'),
  intl_seminar_sessions: reference('seminar sessions; tens per year'),
  intl_seminar_participants: reference('foreign seminar participants (no personal data: country, organisation, level); hundreds per year'),
  intl_fellowship_cohorts: reference('fellowship cohorts; one per year'),
  intl_fellows: reference('fellows of the cohorts; a few per year'),
  intl_fellow_placements: reference('placements of the fellows'),
  intl_delegation_visits: reference('foreign delegation visits; tens per year'),
  intl_network_events: reference('ACCSM+3 / China–Japan–Korea events; a few per year'),

  // ---- local: on the coordinator only
  audit_log: local('hash chain: every row hashes the previous one, appended in one global order under an advisory lock (platform/audit.ts); append-only, read by id range'),
  login_attempts: local('the rate limiter counts attempts per ip and per email in a time window under advisory locks; short-lived rows'),
  mail_outbox: local('a queue claimed with FOR UPDATE SKIP LOCKED over pending rows and de-duplicated by a global unique key (dedupe_key)'),

  // ---- distributed: companies and their facts, co-located by company
  companies: distributed('id', 'companies', '1,000,000 companies: the directory search fans out over all shards; everything about one company lives on its shard'),
  company_divisions: distributed('company_id', 'companies', 'divisions of a company'),
  company_sales: distributed('company_id', 'companies', 'sales per fiscal year, read per company by the criteria engine'),
  ministry_contracts: distributed('company_id', 'companies', 'contract totals per fiscal year, read per company'),
  company_sanctions: distributed('company_id', 'companies', 'sanctions, read per company'),
  licensing_jurisdictions: distributed('company_id', 'companies', 'jurisdiction over a company, read per company'),
  exchange_history: distributed('company_id', 'companies', 'past exchanges of a company, read per company'),
  division_revenue: distributed('division_id', 'division_revenue', 'revenue of a division per fiscal year'),
  call_applications: distributed('company_id', 'companies', 'a company’s applications to the public call'),
  consultations: distributed('company_id', 'companies', 'a company’s consultations with ministries'),
  consultation_messages: distributed('consultation_id', 'consultation_messages', 'messages of a consultation'),
  event_registrations: distributed('company_id', 'companies', 'a company’s registrations to events'),
  event_contacts: distributed('company_id', 'companies', 'contacts made at events, per company'),

  // ---- distributed: people and their post history, co-located by person
  people: distributed('id', 'people', '300,000 officials and the employees of hires'),
  post_assignments: distributed('person_id', 'people', 'post history (~1.5M rows), read per official by the criteria engine'),
  contract_involvements: distributed('person_id', 'people', 'an official’s part in contracts, read per official by the screening'),

  // ---- distributed: exchange cases and what hangs off a case
  exchange_cases: distributed('id', 'exchange_cases', '100,000–1,000,000 cases; a transition touches one case'),
  case_events: distributed('case_id', 'exchange_cases', 'transitions of a case'),
  case_messages: distributed('case_id', 'exchange_cases', 'the thread of a case'),
  case_documents: distributed('case_id', 'exchange_cases', 'files of a case'),
  case_interviews: distributed('case_id', 'exchange_cases', 'interviews of a case'),
  case_extensions: distributed('case_id', 'exchange_cases', 'extension requests of a case'),

  // ---- distributed: wish sheets
  wish_sheets: distributed('id', 'wish_sheets', '100,000 sheets: the public search fans out over all shards'),
  wish_sheet_versions: distributed('sheet_id', 'wish_sheets', 'versions of a sheet'),
  matching_participants: distributed('sheet_id', 'wish_sheets', 'a sheet in a matching round'),
  matching_rankings: distributed('sheet_id', 'wish_sheets', 'a sheet’s ranking in a matching round'),
  inquiries: distributed('id', 'inquiries', 'an inquiry is locked by its id (FOR UPDATE) on every change, so it is keyed by id'),
  inquiry_messages: distributed('inquiry_id', 'inquiries', 'messages of an inquiry'),

  // ---- distributed: sessions
  sessions: distributed('id', 'sessions', 'read by id on every request, written on every request (last seen)'),

  // ---- distributed: surveys
  survey_targets: distributed('id', 'survey_targets', 'respondents of a round; a submission marks one target'),
  survey_drafts: distributed('target_id', 'survey_targets', 'the draft of one target'),
  survey_responses: distributed('id', 'survey_responses', 'answers keyed by a random UUID (anonymity: no order); a round’s results read all its answers'),

  // ---- distributed: dispatches to international organisations
  intl_dispatches: distributed('id', 'intl_dispatches', 'dispatches of officials; hundreds per year'),
  intl_dispatch_renewals: distributed('dispatch_id', 'intl_dispatches', 'renewals of a dispatch'),
  intl_consultations: distributed('dispatch_id', 'intl_dispatches', 'consultations on a dispatch'),
};

// ------------------------------------------------------------------ exceptions to the schema rules
// Keys: `pk:<table>` (primary key without the distribution key), `unique:<table>.<index>` (unique
// index without the distribution key), `fk:<table>.<column>-><table>` (a foreign key the placement
// does not allow).

const WIDEN_PK = 'primary key is (id) alone; the migration to Citus makes it (key, id) — the identity stays unique on its own, so no row changes';
const CROSS_GROUP = 'links two colocation groups; on Citus the constraint is dropped and the service checks the row exists in the same transaction (the tables are distributed on different keys on purpose: each is read by its own key)';
const REF_TO_DIST = 'a reference table cannot reference a distributed one on Citus; the constraint is dropped there and the service checks the row exists';
const NO_KEY_COLUMN = 'the table lacks the parent’s distribution key column; the migration adds it (copied from the parent) and makes the foreign key (key, parent_id)';

export const SCHEMA_EXCEPTIONS: Readonly<Record<string, string>> = {
  // primary keys to widen to (key, id)
  'pk:company_divisions': WIDEN_PK,
  'pk:company_sales': WIDEN_PK,
  'pk:ministry_contracts': WIDEN_PK,
  'pk:company_sanctions': WIDEN_PK,
  'pk:licensing_jurisdictions': WIDEN_PK,
  'pk:exchange_history': WIDEN_PK,
  'pk:division_revenue': WIDEN_PK,
  'pk:call_applications': WIDEN_PK,
  'pk:consultations': WIDEN_PK,
  'pk:consultation_messages': WIDEN_PK,
  'pk:event_registrations': WIDEN_PK,
  'pk:event_contacts': WIDEN_PK,
  'pk:post_assignments': WIDEN_PK,
  'pk:contract_involvements': WIDEN_PK,
  'pk:case_events': WIDEN_PK,
  'pk:case_messages': WIDEN_PK,
  'pk:case_documents': WIDEN_PK,
  'pk:case_interviews': WIDEN_PK,
  'pk:case_extensions': WIDEN_PK,
  'pk:wish_sheet_versions': WIDEN_PK,
  'pk:inquiry_messages': WIDEN_PK,
  'pk:intl_dispatch_renewals': WIDEN_PK,
  'pk:intl_consultations': WIDEN_PK,

  // global unique indexes without the distribution key
  'unique:companies.companies_corporate_number_uq':
    '法人番号 is unique nationally: on Citus a lookup table distributed by corporate_number (or the import’s own check) replaces the index',
  'unique:exchange_cases.exchange_cases_reference_uq':
    'the case reference (KR-year-id) embeds the id, so it is unique by construction; on Citus the index becomes (id, reference) or is dropped',
  'unique:exchange_cases.exchange_cases_person_active_uq':
    'one person in one active exchange: on Citus the workflow guard (checked in the transition, exchanges/workflow.ts) remains and the index goes to a table distributed by person_id',
  'unique:intl_dispatches.intl_dispatches_one_active_uq':
    'one active dispatch per official: the change runs under a per-person advisory lock and checks overlaps (international.repository.ts lockPerson), which stays the guard on Citus',
  'unique:wish_sheets.wish_sheets_reference_uq': 'the reference (WS-id) embeds the id, so it is unique by construction',
  'unique:survey_targets.survey_targets_round_subject_uq':
    'one target per subject per round: targets are added by the NPA in one transaction that reads the round first; on Citus the index moves to a table distributed by round_id',
  'unique:survey_responses.survey_responses_target_uq':
    'one answer per target: the submission also sets survey_targets.submitted with `update … where submitted = false` in the same transaction, which stays the guard on Citus',

  // foreign keys between colocation groups
  'fk:people.company_id->companies': CROSS_GROUP,
  'fk:contract_involvements.company_id->companies': CROSS_GROUP,
  'fk:exchange_history.person_id->people': CROSS_GROUP,
  'fk:exchange_cases.company_id->companies': CROSS_GROUP,
  'fk:exchange_cases.division_id->company_divisions': CROSS_GROUP,
  'fk:exchange_cases.person_id->people': CROSS_GROUP,
  'fk:wish_sheets.company_id->companies': CROSS_GROUP,
  'fk:inquiries.sheet_id->wish_sheets': CROSS_GROUP,
  'fk:inquiries.asker_company_id->companies': CROSS_GROUP,
  'fk:matching_rankings.ranked_sheet_id->wish_sheets': 'a ranking names another sheet, which may live on any shard; the round is checked by the service when it runs',
  'fk:survey_targets.person_id->people': CROSS_GROUP,
  'fk:survey_responses.target_id->survey_targets': CROSS_GROUP,
  'fk:intl_dispatches.person_id->people': CROSS_GROUP,
  'fk:division_revenue.division_id->company_divisions': NO_KEY_COLUMN,
  'fk:consultation_messages.consultation_id->consultations': NO_KEY_COLUMN,

  // reference → distributed, local → distributed
  'fk:accounts.company_id->companies': REF_TO_DIST,
  'fk:accounts.person_id->people': REF_TO_DIST,
  'fk:mail_outbox.case_id->exchange_cases':
    'the outbox (local: a queue on the coordinator) names the case a mail is about; on Citus the constraint is dropped (the case is never deleted)',
};

// ------------------------------------------------------------------ SQL allowed in server/src
// Counted per file (comments excluded) by the test; a new occurrence anywhere fails it until it is
// listed here with its reason. `rowLock` = FOR UPDATE / FOR SHARE (SQL or Drizzle's .for()),
// `advisoryLock` = pg_advisory*_lock, `sequence` = nextval/setval/currval.

export type SqlKind = 'lockTable' | 'rowLock' | 'advisoryLock' | 'sequence' | 'ddlRoutine' | 'listenNotify';

export const ALLOWED_SQL: readonly { file: string; kind: SqlKind; count: number; why: string }[] = [
  { file: 'server/src/modules/exchanges/exchanges.repository.ts', kind: 'rowLock', count: 1, why: 'one case by id (its distribution key): one shard' },
  { file: 'server/src/modules/wishes/wishes.repository.ts', kind: 'rowLock', count: 1, why: 'one sheet by id (its distribution key): one shard' },
  { file: 'server/src/modules/inquiries/inquiries.repository.ts', kind: 'rowLock', count: 1, why: 'one inquiry by id (its distribution key): one shard' },
  { file: 'server/src/modules/surveys/surveys.repository.ts', kind: 'rowLock', count: 1, why: 'one survey round by id (a reference table): the same row on every node' },
  { file: 'server/src/modules/matching/matching.repository.ts', kind: 'rowLock', count: 1, why: 'one matching round by id (a reference table)' },
  { file: 'server/src/modules/events/events.repository.ts', kind: 'rowLock', count: 2, why: 'one event / one event session by id (reference tables): registrations against the capacity wait for each other' },
  { file: 'server/src/modules/mail/mail.repository.ts', kind: 'rowLock', count: 1, why: 'FOR UPDATE SKIP LOCKED over pending mails: mail_outbox is a local (coordinator) table' },
  { file: 'server/src/platform/audit.ts', kind: 'advisoryLock', count: 1, why: 'orders the audit hash chain (audit_log is local); all connections go through the coordinator' },
  { file: 'server/src/platform/backup/backup.ts', kind: 'advisoryLock', count: 1, why: 'restore takes the audit lock (coordinator)' },
  { file: 'server/src/platform/backup/backup.ts', kind: 'sequence', count: 1, why: 'restore sets each identity past the restored max(id); run once, offline' },
  { file: 'server/src/db/client.ts', kind: 'advisoryLock', count: 2, why: 'one instance migrates at a time (pg_advisory_lock), and the scheduled jobs run on the one instance holding a session lock (pg_try_advisory_lock)' },
  { file: 'server/src/modules/accounts/accounts.repository.ts', kind: 'advisoryLock', count: 5, why: 'the rate limiter and registration serialise per ip, per email and per 法人番号 (keys hashed into a namespace; login_attempts is local)' },
  { file: 'server/src/modules/statistics/published.repository.ts', kind: 'advisoryLock', count: 1, why: 'one import of published figures at a time (reference tables)' },
  { file: 'server/src/modules/knowledge/knowledge.repository.ts', kind: 'advisoryLock', count: 1, why: 'two instances starting together seed the knowledge pages once' },
  { file: 'server/src/modules/international/international.repository.ts', kind: 'advisoryLock', count: 1, why: 'one dispatch change per official at a time (overlap check)' },
];

/** Code that relies on an id order across rows (a sequence as a global order), with its reason. */
export const GLOBAL_ORDER: readonly { what: string; why: string }[] = [
  {
    what: 'audit_log.id (the hash chain)',
    why: 'local table on the coordinator: one sequence, appended under an advisory lock',
  },
  {
    what: 'wish_sheet_versions.id as the change feed of the in-process sheet index (modules/suggestions/sheet-index.ts)',
    why: 'reads versions above a high-water mark with a window for late commits; on Citus the identity comes from the coordinator while writes go through it, and the full resync (every 10 minutes) repairs anything missed',
  },
];
