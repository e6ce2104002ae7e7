// Loads the criteria facts (criteria-facts.ts) into a database that already holds companies,
// divisions, officials and units (load.ts): reads that universe, generates, and inserts with
// multi-row INSERTs of inlined literals, 8 statements per transaction, synchronous_commit off.
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../server/src/db/client.ts';
import { defaultParameters } from '../../server/src/modules/criteria/parameters.ts';
import { DEFAULT_AS_OF } from './generate.ts';
import {
  FACTS_SCALES,
  generateCriteriaFacts,
  type CriteriaFactsRows,
  type FactsCounts,
  type FactsUniverse,
} from './criteria-facts.ts';

export const FACTS_TABLES = [
  'licensing_jurisdictions',
  'ministry_contracts',
  'company_sales',
  'company_sanctions',
  'contract_involvements',
  'exchange_history',
  'division_revenue',
] as const;
export type FactsTable = (typeof FACTS_TABLES)[number];

export class FactsPresentError extends Error {
  constructor(readonly rows: number) {
    super(`the criteria fact tables already hold ${rows} rows: refusing to load (use --replace to empty them first)`);
    this.name = 'FactsPresentError';
  }
}

export type FactsLoadOptions = {
  scale: 'demo' | 'national' | FactsCounts;
  seed?: number;
  asOf?: string;
  /** Empty the seven fact tables first (only those; companies and people are kept). */
  replace?: boolean;
  statementRows?: number;
  onProgress?: (p: { table: FactsTable; rows: number; elapsedMs: number }) => void;
};

export type FactsLoadResult = Record<FactsTable, number> & { rows: number; readSeconds: number; generateSeconds: number; insertSeconds: number };

type Row = Record<string, unknown>;
async function query<T extends Row>(db: Db, text: string): Promise<T[]> {
  return ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

function lit(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (v.includes('\0')) throw new Error('NUL in text');
  return `'${v.replaceAll("'", "''")}'`;
}

/** Legal-entity types marked `*` in the criteria parameters in force on `asOf`. */
export function starredTypes(asOf: string): string[] {
  const p = defaultParameters().resolve<{ code: string; starred: boolean }[]>('entity_types.eligible', asOf);
  return p.value.filter((t) => t.starred).map((t) => t.code);
}

export async function readFactsUniverse(db: Db, starred: readonly string[]): Promise<FactsUniverse> {
  const companies = await query<{ id: string | number; e: string | number; t: string; i: string | null }>(
    db,
    "select id, coalesce(employees, 0) as e, legal_type_code as t, industry_code as i from companies where status = 'active' order by id",
  );
  const divisions = await query<{ id: string | number; c: string | number }>(
    db,
    `select d.id, d.company_id as c from company_divisions d join companies c on c.id = d.company_id
      where c.status = 'active' and c.legal_type_code in (${starred.map(lit).join(',') || "''"}) order by d.id`,
  );
  const organisations = await query<{ id: string | number; code: string }>(db, 'select id, code from organisations order by id');
  const units = await query<{ id: string | number; organisation_id: string | number; code: string; kind: string }>(
    db,
    'select id, organisation_id, code, kind from org_units order by id',
  );
  const officials = await query<{ id: string | number; o: string | number }>(
    db,
    "select id, organisation_id as o from people where kind = 'official' and organisation_id is not null order by id",
  );
  return {
    companies: {
      ids: Float64Array.from(companies, (r) => Number(r.id)),
      employees: Float64Array.from(companies, (r) => Number(r.e)),
      legalTypes: companies.map((r) => r.t),
      industries: companies.map((r) => r.i),
    },
    divisions: { ids: Float64Array.from(divisions, (r) => Number(r.id)), companyIds: Float64Array.from(divisions, (r) => Number(r.c)) },
    organisations: organisations.map((r) => ({ id: Number(r.id), code: r.code })),
    units: units.map((r) => ({ id: Number(r.id), organisationId: Number(r.organisation_id), code: r.code, kind: r.kind })),
    officials: { ids: Float64Array.from(officials, (r) => Number(r.id)), organisationIds: Float64Array.from(officials, (r) => Number(r.o)) },
  };
}

type Spec<T> = { table: FactsTable; header: string; tuple: (r: T) => string };
const SPECS = {
  jurisdictions: {
    table: 'licensing_jurisdictions',
    header: 'insert into licensing_jurisdictions (unit_id, company_id, start_date, end_date, basis) values ',
    tuple: (r) => `(${r.unitId},${r.companyId},${lit(r.startDate)},${lit(r.endDate)},${lit(r.basis)})`,
  },
  contracts: {
    table: 'ministry_contracts',
    header: 'insert into ministry_contracts (organisation_id, company_id, fiscal_year, amount_yen, source) values ',
    tuple: (r) => `(${r.organisationId},${r.companyId},${r.fiscalYear},${r.amountYen},${lit(r.source)})`,
  },
  sales: {
    table: 'company_sales',
    header: 'insert into company_sales (company_id, fiscal_year, amount_yen, source) values ',
    tuple: (r) => `(${r.companyId},${r.fiscalYear},${r.amountYen},${lit(r.source)})`,
  },
  sanctions: {
    table: 'company_sanctions',
    header: 'insert into company_sanctions (company_id, case_ref, kind, subject, occurred_on, description) values ',
    tuple: (r) => `(${r.companyId},${lit(r.caseRef)},${lit(r.kind)},${lit(r.subject)},${lit(r.occurredOn)},${lit(r.description)})`,
  },
  involvements: {
    table: 'contract_involvements',
    header: 'insert into contract_involvements (person_id, organisation_id, company_id, start_date, end_date, role) values ',
    tuple: (r) => `(${r.personId},${r.organisationId},${r.companyId},${lit(r.startDate)},${lit(r.endDate)},${lit(r.role)})`,
  },
  exchanges: {
    table: 'exchange_history',
    header: 'insert into exchange_history (company_id, unit_id, direction, start_date, end_date, person_id, note) values ',
    tuple: (r) => `(${r.companyId},${r.unitId},${lit(r.direction)},${lit(r.startDate)},${lit(r.endDate)},${lit(r.personId)},${lit(r.note)})`,
  },
  divisionRevenue: {
    table: 'division_revenue',
    header: 'insert into division_revenue (division_id, fiscal_year, public_yen, total_yen) values ',
    tuple: (r) => `(${r.divisionId},${r.fiscalYear},${r.publicYen},${r.totalYen})`,
  },
} satisfies { [K in keyof CriteriaFactsRows]: Spec<CriteriaFactsRows[K][number]> };

export async function loadCriteriaFacts(database: Database, opts: FactsLoadOptions): Promise<FactsLoadResult> {
  const { db } = database;
  const t0 = Date.now();
  const counts = typeof opts.scale === 'string' ? FACTS_SCALES[opts.scale] : opts.scale;
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  let present = 0;
  for (const t of FACTS_TABLES) present += Number((await query<{ n: string | number }>(db, `select count(*) as n from ${t}`))[0]!.n);
  if (present > 0 && !opts.replace) throw new FactsPresentError(present);
  if (present > 0) await query(db, `truncate ${FACTS_TABLES.join(', ')} restart identity`);

  const starred = starredTypes(asOf);
  const universe = await readFactsUniverse(db, starred);
  const t1 = Date.now();
  const rows = generateCriteriaFacts(universe, { seed: opts.seed ?? 42, counts, asOf, starredLegalTypes: starred });
  const t2 = Date.now();

  const size = opts.statementRows ?? 2_500;
  const statements: { sql: string; table: FactsTable; rows: number }[] = [];
  for (const key of Object.keys(SPECS) as (keyof CriteriaFactsRows)[]) {
    const spec = SPECS[key] as Spec<CriteriaFactsRows[typeof key][number]>;
    const list = rows[key] as CriteriaFactsRows[typeof key][number][];
    for (let i = 0; i < list.length; i += size) {
      const part = list.slice(i, i + size);
      statements.push({ sql: spec.header + part.map(spec.tuple).join(','), table: spec.table, rows: part.length });
    }
  }
  const inserted = Object.fromEntries(FACTS_TABLES.map((t) => [t, 0])) as Record<FactsTable, number>;
  for (let s = 0; s < statements.length; s += 8) {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local synchronous_commit to off'));
      for (const st of statements.slice(s, s + 8)) {
        await tx.execute(sql.raw(st.sql));
        inserted[st.table] += st.rows;
        opts.onProgress?.({ table: st.table, rows: inserted[st.table], elapsedMs: Date.now() - t0 });
      }
    });
  }
  await query(db, `vacuum (analyze) ${FACTS_TABLES.join(', ')}`);
  const t3 = Date.now();
  return {
    ...inserted,
    rows: Object.values(inserted).reduce((a, b) => a + b, 0),
    readSeconds: (t1 - t0) / 1000,
    generateSeconds: (t2 - t1) / 1000,
    insertSeconds: (t3 - t2) / 1000,
  };
}
