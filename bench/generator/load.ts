// Loads generated rows into PostgreSQL or PGlite: multi-row INSERTs with inlined literals (no
// 65,535-parameter limit), explicit ids (OVERRIDING SYSTEM VALUE, sequences set afterwards),
// a few statements per transaction, and the next statement generated while the database runs
// the current one.
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../server/src/db/client.ts';
import {
  DEFAULT_AS_OF,
  generateCompanies,
  generateEmployees,
  generateOfficials,
  type CompanyRow,
  type DivisionRow,
  type PersonRow,
  type PostAssignmentRow,
  type ReferenceData,
} from './generate.ts';

export type Scale = 'demo' | 'national';
export type ScaleCounts = { companies: number; officials: number; employees: number };

export const SCALES: Readonly<Record<Scale, ScaleCounts>> = {
  demo: { companies: 2_000, officials: 1_500, employees: 300 },
  national: { companies: 1_000_000, officials: 300_000, employees: 0 },
};

export type LoadTable = 'companies' | 'company_divisions' | 'people' | 'post_assignments';

export type LoadProgress = {
  phase: 'companies' | 'officials' | 'employees';
  /** Entities of the current phase done and planned (companies, officials or employees). */
  done: number;
  total: number;
  /** Rows inserted so far, all tables. */
  rows: number;
  elapsedMs: number;
};

export type LoadCounts = {
  companies: number;
  companyDivisions: number;
  officials: number;
  employees: number;
  postAssignments: number;
  rows: number;
  seconds: number;
};

export type LoadOptions = {
  scale: Scale | ScaleCounts;
  seed?: number;
  /** Add to existing data instead of refusing when companies is not empty. */
  append?: boolean;
  asOf?: string;
  onProgress?: (p: LoadProgress) => void;
  /** Rows per INSERT statement (default 2,500). */
  statementRows?: number;
  /** Statements per transaction (default 8). */
  statementsPerTransaction?: number;
};

export class DataPresentError extends Error {
  constructor(readonly companies: number) {
    super(`companies already holds ${companies} rows: refusing to load (use --append to add to them)`);
    this.name = 'DataPresentError';
  }
}

type Row = Record<string, unknown>;
async function query<T extends Row>(db: Db, text: string): Promise<T[]> {
  const result = (await db.execute(sql.raw(text))) as unknown as { rows: T[] };
  return result.rows;
}

export async function readReferenceData(db: Db): Promise<ReferenceData> {
  const [legalTypes, industries, prefectures, organisations, orgUnits] = await Promise.all([
    query<{ code: string; name_ja: string }>(
      db,
      'select code, name_ja from legal_entity_types where eligible and effective_to is null order by sort_order, code',
    ),
    query<{ code: string }>(db, 'select code from industries order by sort_order, code'),
    query<{ code: string; name_ja: string }>(db, 'select code, name_ja from prefectures order by code'),
    query<{ id: string | number; code: string; kind: string; name_ja: string }>(
      db,
      'select id, code, kind, name_ja from organisations order by id',
    ),
    query<{ id: string | number; organisation_id: string | number; kind: string }>(
      db,
      'select id, organisation_id, kind from org_units order by id',
    ),
  ]);
  return {
    legalTypes: legalTypes.map((r) => ({ code: r.code, nameJa: r.name_ja })),
    industries: industries.map((r) => ({ code: r.code })),
    prefectures: prefectures.map((r) => ({ code: r.code, nameJa: r.name_ja })),
    organisations: organisations.map((r) => ({ id: Number(r.id), code: r.code, kind: r.kind, nameJa: r.name_ja })),
    orgUnits: orgUnits.map((r) => ({ id: Number(r.id), organisationId: Number(r.organisation_id), kind: r.kind })),
  };
}

// ---------------------------------------------------------------- SQL text

function lit(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  // standard_conforming_strings is on (the default since 9.1): only quotes need doubling.
  if (v.includes('\0')) throw new Error('NUL in text');
  return `'${v.replaceAll("'", "''")}'`;
}

const companyTuple = (r: CompanyRow): string =>
  `(${r.id},${lit(r.corporateNumber)},${lit(r.name)},${lit(r.nameNormalized)},${lit(r.nameCore)},${lit(r.nameKana)},${lit(r.nameKanaNormalized)},${lit(r.legalTypeCode)},${lit(r.capitalYen)},${lit(r.employees)},${lit(r.industryCode)},${lit(r.prefectureCode)},${lit(r.address)},${lit(r.parentId)},${lit(r.status)},${lit(r.createdAt)},${lit(r.updatedAt)})`;
const divisionTuple = (r: DivisionRow): string => `(${r.id},${r.companyId},${lit(r.name)},${lit(r.createdAt)})`;
const personTuple = (r: PersonRow): string =>
  `(${r.id},${lit(r.kind)},${lit(r.familyName)},${lit(r.givenName)},${lit(r.familyNameKana)},${lit(r.givenNameKana)},${lit(r.birthDate)},${lit(r.gender)},${lit(r.organisationId)},${lit(r.companyId)},${lit(r.createdAt)},${lit(r.updatedAt)})`;
const assignmentTuple = (r: PostAssignmentRow): string =>
  `(${r.id},${r.personId},${r.unitId},${lit(r.postTitleJa)},${lit(r.postTitleEn)},${lit(r.startDate)},${lit(r.endDate)})`;

const HEADERS: Readonly<Record<LoadTable, string>> = {
  companies:
    'insert into companies (id, corporate_number, name, name_normalized, name_core, name_kana, name_kana_normalized, legal_type_code, capital_yen, employees, industry_code, prefecture_code, address, parent_id, status, created_at, updated_at) overriding system value values ',
  company_divisions: 'insert into company_divisions (id, company_id, name, created_at) overriding system value values ',
  people:
    'insert into people (id, kind, family_name, given_name, family_name_kana, given_name_kana, birth_date, gender, organisation_id, company_id, created_at, updated_at) overriding system value values ',
  post_assignments:
    'insert into post_assignments (id, person_id, unit_id, post_title_ja, post_title_en, start_date, end_date) overriding system value values ',
};

type Statement = { sql: string; table: LoadTable; rows: number; phase: LoadProgress['phase']; entities: number };

function* chunked<T>(
  table: LoadTable,
  rows: readonly T[],
  tuple: (r: T) => string,
  size: number,
  phase: LoadProgress['phase'],
  entities: number,
): Generator<Statement> {
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    // Entities (companies, officials) are credited with their table's last statement.
    const last = i + size >= rows.length;
    yield { sql: HEADERS[table] + part.map(tuple).join(','), table, rows: part.length, phase, entities: last ? entities : 0 };
  }
}

type Plan = ScaleCounts & { seed: number; asOf: string; first: Record<LoadTable, number>; statementRows: number; singletons: boolean };

function* statements(ref: ReferenceData, plan: Plan): Generator<Statement> {
  const size = plan.statementRows;
  const common = { seed: plan.seed, asOf: plan.asOf, batchSize: size };
  for (const b of generateCompanies(ref, {
    ...common,
    count: plan.companies,
    firstId: plan.first.companies,
    firstDivisionId: plan.first.company_divisions,
    singletons: plan.singletons,
  })) {
    yield* chunked('companies', b.companies, companyTuple, size, 'companies', b.divisions.length ? 0 : b.companies.length);
    yield* chunked('company_divisions', b.divisions, divisionTuple, size, 'companies', b.companies.length);
  }
  // Officials in smaller batches: each brings about five post assignments.
  const officialBatch = Math.max(1, Math.floor(size / 2));
  for (const b of generateOfficials(ref, {
    ...common,
    batchSize: officialBatch,
    count: plan.officials,
    firstPersonId: plan.first.people,
    firstAssignmentId: plan.first.post_assignments,
  })) {
    yield* chunked('people', b.people, personTuple, size, 'officials', 0);
    yield* chunked('post_assignments', b.assignments, assignmentTuple, size, 'officials', b.people.length);
  }
  for (const b of generateEmployees({
    ...common,
    count: plan.employees,
    firstPersonId: plan.first.people + plan.officials,
    companyIds: [plan.first.companies, plan.first.companies + plan.companies - 1],
  })) {
    yield* chunked('people', b.people, personTuple, size, 'employees', b.people.length);
  }
}

const TABLES: readonly LoadTable[] = ['companies', 'company_divisions', 'people', 'post_assignments'];

export async function loadScale(database: Database, opts: LoadOptions): Promise<LoadCounts> {
  const { db } = database;
  const t0 = Date.now();
  const counts = typeof opts.scale === 'string' ? SCALES[opts.scale] : opts.scale;
  const existing = Number((await query<{ n: string | number }>(db, 'select count(*) as n from companies'))[0]?.n ?? 0);
  if (existing > 0 && !opts.append) throw new DataPresentError(existing);
  if (counts.employees > 0 && counts.companies === 0) throw new Error('employees need companies in the same load');

  const ref = await readReferenceData(db);
  const first = {} as Record<LoadTable, number>;
  for (const t of TABLES) {
    const max = (await query<{ m: string | number }>(db, `select coalesce(max(id), 0) as m from ${t}`))[0]?.m ?? 0;
    first[t] = Number(max) + 1;
  }
  const plan: Plan = {
    ...counts,
    seed: opts.seed ?? 42,
    asOf: opts.asOf ?? DEFAULT_AS_OF,
    first,
    statementRows: opts.statementRows ?? 2_500,
    singletons: existing === 0,
  };
  const perTx = opts.statementsPerTransaction ?? 8;

  const inserted: Record<LoadTable, number> = { companies: 0, company_divisions: 0, people: 0, post_assignments: 0 };
  const done = { companies: 0, officials: 0, employees: 0 };
  const totals = { companies: counts.companies, officials: counts.officials, employees: counts.employees };
  let rows = 0;

  const it = statements(ref, plan);
  let next = it.next();
  while (!next.done) {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local synchronous_commit to off'));
      for (let k = 0; k < perTx && !next.done; k++) {
        const current: Statement = next.value;
        const running = tx.execute(sql.raw(current.sql));
        next = it.next(); // build the next statement while the database works
        await running;
        inserted[current.table] += current.rows;
        rows += current.rows;
        done[current.phase] += current.entities;
        opts.onProgress?.({
          phase: current.phase,
          done: done[current.phase],
          total: totals[current.phase],
          rows,
          elapsedMs: Date.now() - t0,
        });
      }
    });
  }

  for (const t of TABLES) {
    await query(db, `select setval(pg_get_serial_sequence('${t}', 'id'), m) from (select max(id) as m from ${t}) s where m is not null`);
  }
  // VACUUM sets the visibility map so index-only scans skip the heap; ANALYZE gives the planner real statistics.
  await query(db, 'vacuum (analyze) companies, company_divisions, people, post_assignments');

  return {
    companies: inserted.companies,
    companyDivisions: inserted.company_divisions,
    officials: done.officials,
    employees: done.employees,
    postAssignments: inserted.post_assignments,
    rows,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
  };
}
