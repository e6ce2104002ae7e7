// The full national dataset (issue 9, item 1) in one PostgreSQL database, by the existing loaders:
//   migrate        node bin/koryu.js db migrate (DATABASE_URL): the schema and the reference data
//                  (prefectures, industries, legal entity types, the 42 organisations and their units)
//   registry       bench/generator/load.ts: 1,000,000 companies (+ divisions), 300,000 officials with
//                  post histories
//   criteria facts bench/generator/criteria-facts-load.ts: jurisdictions, ministry contracts (FY2017–
//                  FY2024), company sales, sanctions, contract involvements, past exchanges, division revenue
//   exchange cases bench/generator/exchange-cases.ts: 100,000 cases over 2000–2025 (+ one synthetic
//                  employee per hire)
//   wish sheets    bench/generator/wish-sheets.ts: 100,000 published sheets
//   surveys        modules/surveys (templates, service, generate.ts, surveys.load.ts): per fiscal year
//                  FY2020–FY2024 a closed ministry round (2023 template, 49 identified respondents:
//                  the 42 organisations and 7 bureaux) and a closed anonymous participant round (the
//                  people whose exchange ended in the 12 months before the round, 60% answering)
//   vacuum         VACUUM (ANALYZE) of the whole database
// Prints rows, seconds and rows/s per phase, then the database size and the 10 largest tables.
//
//   npm run bench:dataset -- --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--replace] [--seed 42]
//     [--companies N] [--officials N] [--cases N] [--sheets N]   (smaller counts for a quick try)
// Without --replace it exits 1 unless the database is empty (no companies). --replace drops the
// schemas public and drizzle first (every table of koryu, whoever wrote to it) and migrates afresh.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../server/src/db/client.ts';
import { inTransaction } from '../server/src/db/tx.ts';
import { organisations, orgUnits, surveyRounds, surveyTargets } from '../server/src/db/schema.ts';
import { systemContext } from '../server/src/platform/context.ts';
import type { SurveyDefinition } from '../common/src/schemas/survey-definition.schema.ts';
import { createSurveysService } from '../server/src/modules/surveys/surveys.service.ts';
import { surveysRepository as repo } from '../server/src/modules/surveys/surveys.repository.ts';
import { generateResponses, organisationAttributes, participantAttributes } from '../server/src/modules/surveys/generate.ts';
import { loadAnswers } from '../server/src/modules/surveys/surveys.load.ts';
import { countArg } from './lib.ts';
import { loadScale, SCALES } from './generator/load.ts';
import { FACTS_SCALES } from './generator/criteria-facts.ts';
import { loadCriteriaFacts } from './generator/criteria-facts-load.ts';
import { loadExchangeCases } from './generator/exchange-cases.ts';
import { loadWishSheets } from './generator/wish-sheets.ts';

const usage = `usage: npm run bench:dataset -- --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--replace] [--seed 42]
         [--companies N] [--officials N] [--cases N] [--sheets N]`;

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    replace: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    companies: { type: 'string' },
    officials: { type: 'string' },
    cases: { type: 'string' },
    sheets: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(usage);
  process.exit(1);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
const counts = {
  companies: countArg(values.companies, SCALES.national.companies, 'companies'),
  officials: countArg(values.officials, SCALES.national.officials, 'officials'),
  cases: countArg(values.cases, 100_000, 'cases'),
  sheets: countArg(values.sheets, 100_000, 'sheets'),
};
const FISCAL_YEARS = [2020, 2021, 2022, 2023, 2024];
const redacted = (() => {
  const u = new URL(databaseUrl);
  if (u.password) u.password = '***';
  return u.toString();
})();

type Phase = { phase: string; rows: number; seconds: number; detail: string };
const phases: Phase[] = [];
const log = (s: string) => console.error(`[dataset] ${s}`);
const fmt = (n: number) => n.toLocaleString('en');
function report(p: Phase): void {
  phases.push(p);
  const rate = p.seconds > 0 ? Math.round(p.rows / p.seconds) : 0;
  console.log(`phase ${p.phase.padEnd(15)} rows ${fmt(p.rows).padStart(10)}  ${p.seconds.toFixed(1).padStart(7)} s  ${fmt(rate).padStart(8)} rows/s  ${p.detail}`);
}
async function timed<T>(phase: string, f: () => Promise<T>, rows: (r: T) => number, detail: (r: T) => string): Promise<T> {
  log(`${phase}…`);
  const t0 = performance.now();
  const r = await f();
  report({ phase, rows: rows(r), seconds: (performance.now() - t0) / 1000, detail: detail(r) });
  return r;
}
const one = async <T>(d: Database, q: ReturnType<typeof sql>) => rowsOf<T & Record<string, unknown>>(await d.db.execute(q))[0]!;

const tStart = performance.now();
console.log(`bench:dataset into ${redacted} (seed ${seed}${values.replace ? ', --replace' : ''}) ${new Date().toISOString()}`);

// ------------------------------------------------------------ an empty database, migrated
{
  const d = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const hasTable = (await one<{ n: number }>(d, sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'companies'`)).n > 0;
    const present = hasTable ? (await one<{ n: number }>(d, sql`select exists (select 1 from companies) as n`)).n : false;
    if (present && !values.replace) {
      console.error(`[dataset] ${redacted} already holds companies: pass --replace to drop everything and load afresh`);
      process.exit(1);
    }
    if (values.replace) {
      log('--replace: dropping the schemas public and drizzle');
      await d.db.execute(sql`drop schema if exists drizzle cascade`);
      await d.db.execute(sql`drop schema if exists public cascade`);
      await d.db.execute(sql`create schema public`);
    }
  } finally {
    await d.close();
  }
}
await timed(
  'migrate',
  async () => {
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/koryu.js', import.meta.url)), 'db', 'migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`koryu db migrate exited with ${r.status}`);
    const d = await openDatabase({ databaseUrl, poolSize: 1 });
    try {
      return await one<{ tables: number; organisations: number; units: number; prefectures: number; industries: number; legal: number }>(
        d,
        sql`select (select count(*)::int from information_schema.tables where table_schema = 'public') as tables,
                   (select count(*)::int from organisations) as organisations, (select count(*)::int from org_units) as units,
                   (select count(*)::int from prefectures) as prefectures, (select count(*)::int from industries) as industries,
                   (select count(*)::int from legal_entity_types) as legal`,
      );
    } finally {
      await d.close();
    }
  },
  (r) => r.organisations + r.units + r.prefectures + r.industries + r.legal,
  (r) => `${r.tables} tables; reference rows: organisations=${r.organisations} org_units=${r.units} prefectures=${r.prefectures} industries=${r.industries} legal_entity_types=${r.legal}`,
);

const database = await openDatabase({ databaseUrl, poolSize: 4 });
try {
  // ---------------------------------------------------------- registry
  let last = 0;
  await timed(
    'registry',
    () =>
      loadScale(database, {
        scale: { companies: counts.companies, officials: counts.officials, employees: 0 },
        seed,
        onProgress: (p) => {
          if (p.elapsedMs - last < 10_000 && p.done < p.total) return;
          last = p.elapsedMs;
          log(`  ${(p.elapsedMs / 1000).toFixed(0)}s ${p.phase} ${fmt(p.done)}/${fmt(p.total)} rows ${fmt(p.rows)}`);
        },
      }),
    (r) => r.rows,
    (r) => `companies=${r.companies} company_divisions=${r.companyDivisions} officials=${r.officials} post_assignments=${r.postAssignments}`,
  );

  // ---------------------------------------------------------- criteria facts (contracts FY2017–FY2024 …)
  const factScale = counts.companies === SCALES.national.companies ? FACTS_SCALES.national : FACTS_SCALES.demo;
  await timed(
    'criteria facts',
    () => loadCriteriaFacts(database, { scale: factScale, seed, replace: false }),
    (r) => r.rows,
    (r) => {
      const { rows: _r, readSeconds: _a, generateSeconds: _b, insertSeconds: _c, ...tables } = r;
      return Object.entries(tables).map(([t, n]) => `${t}=${n}`).join(' ');
    },
  );
  const fy = await one<{ lo: number; hi: number; n: number }>(database, sql`select min(fiscal_year)::int as lo, max(fiscal_year)::int as hi, count(distinct fiscal_year)::int as n from ministry_contracts`);
  log(`ministry_contracts cover FY${fy.lo}–FY${fy.hi} (${fy.n} fiscal years)`);
  if (fy.n < 5) throw new Error(`ministry contracts cover only ${fy.n} fiscal years (need 5)`);

  // ---------------------------------------------------------- exchange cases
  await timed(
    'exchange cases',
    async () => {
      const r = await loadExchangeCases(database, { count: counts.cases, seed, replace: false });
      return { ...r, ...(await one<{ employees: number; counts: number; lo: number; hi: number }>(database, sql`select
        (select count(*)::int from people where kind = 'employee') as employees, (select count(*)::int from exchange_case_counts) as counts,
        (select extract(year from min(actual_start))::int from exchange_cases) as lo, (select extract(year from max(actual_start))::int from exchange_cases) as hi`)) };
    },
    (r) => r.inserted + r.employees + r.counts,
    (r) => `exchange_cases=${r.inserted} (actual starts ${r.lo}–${r.hi}) people(employee)=${r.employees} exchange_case_counts=${r.counts}`,
  );

  // ---------------------------------------------------------- wish sheets
  await timed(
    'wish sheets',
    () => loadWishSheets(database, { count: counts.sheets, seed, replace: false, today: '2026-11-23' }),
    (r) => r.inserted,
    (r) => `wish_sheets=${r.inserted} (expired ${r.expired})`,
  );

  // ---------------------------------------------------------- survey rounds
  await timed('surveys', () => loadSurveys(database), (r) => r.rows, (r) => r.detail);

  // ---------------------------------------------------------- vacuum
  await timed('vacuum', async () => (await database.db.execute(sql`vacuum (analyze)`), 0), () => 0, () => 'VACUUM (ANALYZE) of the whole database');

  const total = (performance.now() - tStart) / 1000;
  const loaded = phases.reduce((s, p) => s + p.rows, 0);
  console.log(`total rows ${fmt(loaded)} in ${total.toFixed(1)} s (${fmt(Math.round(loaded / total))} rows/s), wall time including migrate and vacuum`);
  const size = await one<{ bytes: string; pretty: string }>(database, sql`select pg_database_size(current_database())::text as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty`);
  console.log(`database size ${size.pretty} (${fmt(Number(size.bytes))} bytes)`);
  const largest = rowsOf<{ name: string; total: string; heap: string; rows: string }>(
    await database.db.execute(sql`select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as total,
        pg_size_pretty(pg_relation_size(c.oid)) as heap, c.reltuples::bigint::text as rows
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by pg_total_relation_size(c.oid) desc limit 10`),
  );
  console.log('largest tables (pg_total_relation_size: table + indexes + toast; heap = table alone; rows = reltuples):');
  for (const t of largest) console.log(`  ${t.name.padEnd(26)} ${t.total.padStart(9)}  heap ${t.heap.padStart(9)}  rows ${fmt(Number(t.rows)).padStart(10)}`);
} finally {
  await database.close();
}

/** Per fiscal year a closed ministry round (49 identified answers) and a closed anonymous participant round. */
async function loadSurveys(d: Database): Promise<{ rows: number; detail: string }> {
  const { db } = d;
  const existing = (await one<{ n: number }>(d, sql`select count(*)::int as n from survey_rounds`)).n;
  if (existing) throw new Error(`survey_rounds already holds ${existing} rows`);
  const s = createSurveysService(d, { today: () => '2026-11-23' });
  const ctx = { ...systemContext('bench-dataset'), ip: 'cli' };
  await s.ensureTemplates();
  const ministryDef = (await repo.definition(db, 'ministry_survey', 2023))!.body as SurveyDefinition;
  const participantDef = (await repo.definition(db, 'participant_survey', 2023))!.body as SurveyDefinition;
  const bureaux = await db.select({ id: orgUnits.id }).from(orgUnits).innerJoin(organisations, eq(organisations.id, orgUnits.organisationId)).where(eq(orgUnits.kind, 'bureau')).orderBy(orgUnits.id).limit(7);
  let rounds = 0;
  let targets = 0;
  let answers = 0;
  const perYear: string[] = [];
  for (const year of FISCAL_YEARS) {
    const reiwa = year - 2018;
    const opensOn = `${year}-11-08`;
    const closesOn = `${year}-12-21`;
    // the ministry round: the organisations and 7 bureaux, attributes and answers generated (seed = year)
    const m = await s.createRound(ctx, {
      definitionKey: 'ministry_survey',
      definitionVersion: 2023,
      title: { ja: `令和${reiwa}年度 官民人事交流に関する各府省等アンケート`, en: `FY${year} survey of ministries on public-private personnel exchange` },
      opensOn,
      closesOn,
      anonymous: false,
      minN: 5,
      remindDaysBefore: 7,
    });
    await s.addTargets(ctx, m.id, { allOrganisations: true, includeAgencies: true, organisationIds: [], orgUnitIds: bureaux.map((u) => u.id), personIds: [] });
    const ts = await db.select().from(surveyTargets).where(eq(surveyTargets.roundId, m.id)).orderBy(surveyTargets.id);
    const attrs = organisationAttributes(year).slice(0, ts.length);
    const generated = generateResponses(ministryDef, attrs, year);
    await inTransaction(db, async (tx) => {
      for (const [i, t] of ts.entries()) await repo.setTargetAttributes(tx, t.id, attrs[i]!);
      await loadAnswers(tx, { id: m.id, anonymous: false }, ministryDef, generated.map((g, i) => ({ targetId: ts[i]!.id, ...g })), `${year}-12-15T03:00:00.000Z`);
    });
    await s.openRound(ctx, m.id);
    await s.closeRound(ctx, m.id);
    // the participant round: those whose exchange ended in the 12 months to 31 October, 60% answering
    const ended = await one<{ hire: number; dispatch: number }>(
      d,
      sql`select count(*) filter (where direction = 'hire')::int as hire, count(*) filter (where direction = 'dispatch')::int as dispatch
          from exchange_cases where state in ('returned', 'ended_early') and actual_end between ${`${year - 1}-11-01`}::date and ${`${year}-10-31`}::date`,
    );
    const respond = { hire: Math.round(ended.hire * 0.6), dispatch: Math.round(ended.dispatch * 0.6) };
    const p = await s.createRound(ctx, {
      definitionKey: 'participant_survey',
      definitionVersion: 2023,
      title: { ja: `令和${reiwa}年度 交流採用者・派遣者アンケート`, en: `FY${year} survey of exchange participants` },
      opensOn,
      closesOn,
      anonymous: true,
      minN: 10,
      remindDaysBefore: 7,
    });
    const pa = generateResponses(participantDef, participantAttributes(respond), year);
    await inTransaction(db, (tx) => loadAnswers(tx, { id: p.id, anonymous: true }, participantDef, pa));
    await db.update(surveyRounds).set({ state: 'closed', openedAt: `${opensOn}T00:00:00Z`, closedAt: `${closesOn}T15:00:00Z` }).where(eq(surveyRounds.id, p.id));
    rounds += 2;
    targets += ts.length;
    answers += generated.length + pa.length;
    perYear.push(`FY${year}: ${generated.length}+${pa.length}`);
  }
  await db.execute(sql`analyze survey_responses`);
  const defs = (await one<{ n: number }>(d, sql`select count(*)::int as n from survey_definitions`)).n;
  return { rows: defs + rounds + targets + answers, detail: `survey_definitions=${defs} survey_rounds=${rounds} survey_targets=${targets} survey_responses=${answers} (ministry+participant ${perYear.join(', ')})` };
}
