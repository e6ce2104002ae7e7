// Survey results for a round of 10,000 respondents × 40 questions (issue 7), on the PostgreSQL
// server: GET /api/surveys/rounds/:id/results (load the answer rows, aggregate, headlines), target
// ≤ 500 ms.
//   npm run bench:surveys            (= npx tsx bench/surveys-results.bench.ts)
//   options: --database-url postgres://postgres@127.0.0.1:5432/koryu_bench_surveys (created if missing)
//            --respondents 10000 --runs 30 --http-runs 50 --port 3964
// The 40-question definition is generated here (4 sections × 10: matrices of 5 items, scales with
// 分からない, single, multiple, up-to-3, best, a number and a free text; conditions on an attribute
// and on an earlier answer); the answers by modules/surveys/generate.ts. Loaded once into the
// database (a second run reuses the round). Measures:
//   in-process   the service's results() call, uncached: load every answer row and aggregate (--runs)
//   HTTP first   the first results request after starting koryu (uncached), per filter, over --restarts starts
//   HTTP warm    results requests one at a time after that (--http-runs), served from the results cache
//                (kept per round, filter and number of responses: a new response recomputes)
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { inTransaction } from '../server/src/db/tx.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { parseDefinition } from '../server/src/modules/surveys/definition.ts';
import { generateResponses, rng } from '../server/src/modules/surveys/generate.ts';
import { createSurveysService } from '../server/src/modules/surveys/surveys.service.ts';
import { surveysRepository as repo } from '../server/src/modules/surveys/surveys.repository.ts';
import { loadAnswers } from '../server/src/modules/surveys/surveys.load.ts';
import type { RespondentAttributes, SurveyDefinition } from '../common/src/schemas/survey-definition.schema.ts';
import { ensureBenchAccount, latencyStats, loginWithCsrf } from './criteria-lib.ts';
import { arg, rssMb, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', 'postgres://postgres@127.0.0.1:5432/koryu_bench_surveys');
const respondents = Number(arg('respondents', '10000'));
const runs = Number(arg('runs', '30'));
const httpRuns = Number(arg('http-runs', '50'));
const port = Number(arg('port', '3964'));
const TITLE = `bench: ${respondents} respondents × 40 questions`;

const stats = latencyStats;

// ---------------------------------------------------------------- the database
{
  const u = new URL(databaseUrl);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
  const exists = rowsOf<{ n: number }>(await admin.db.execute(sql`select count(*)::int as n from pg_database where datname = ${name}`))[0]!.n;
  if (!exists) await admin.db.execute(sql.raw(`create database "${name.replace(/"/g, '')}"`));
  await admin.close();
}
await ensureBenchAccount(databaseUrl); // migrates too

// ---------------------------------------------------------------- the 40-question definition
const label = (ja: string, en: string) => ({ ja, en });
const opts = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, label: label(`${prefix}選択肢${i + 1}`, `${prefix} option ${i + 1}`) }));
function benchDefinition(): SurveyDefinition {
  const sections = [];
  let no = 0;
  for (let s = 0; s < 4; s++) {
    const questions: Record<string, unknown>[] = [];
    for (let k = 0; k < 10; k++) {
      no++;
      const id = `q${String(no).padStart(2, '0')}`;
      const base = { id, no, title: label(`設問${no}`, `Question ${no}`), prompt: label(`設問${no}についてお答えください。`, `Please answer question ${no}.`) };
      // the first section only for one direction; a follow-up per section on the previous answer
      const condition = s === 0 && k >= 5 ? { kind: 'attribute', attribute: 'direction', op: 'eq', value: 'hire' } : k === 9 ? { kind: 'answer', question: `q${String(no - 1).padStart(2, '0')}`, op: 'answered' } : undefined;
      const c = condition ? { condition } : {};
      const kind = k % 10;
      if (kind <= 2) questions.push({ ...base, ...c, type: 'matrix', dontKnow: kind === 1, items: Array.from({ length: 5 }, (_, i) => ({ id: `i${i + 1}`, label: label(`項目${i + 1}`, `Item ${i + 1}`) })) });
      else if (kind <= 4) questions.push({ ...base, ...c, type: 'scale', dontKnow: kind === 4 });
      else if (kind === 5) questions.push({ ...base, ...c, type: 'single', options: opts(5, 's') });
      else if (kind === 6) questions.push({ ...base, ...c, type: 'multiple', options: [...opts(9, 'm'), { id: 'none', label: label('特になし', 'Nothing'), exclusive: true }] });
      else if (kind === 7) questions.push({ ...base, ...c, type: 'upTo', max: 3, options: opts(10, 'u') });
      else if (kind === 8) questions.push(s % 2 ? { ...base, ...c, type: 'best', options: opts(6, 'b') } : { ...base, ...c, type: 'number', min: 0, max: 100 });
      else questions.push(s === 3 ? { ...base, ...c, type: 'text', required: false } : { ...base, ...c, type: 'single', options: opts(4, 't') });
    }
    sections.push({ id: `s${s + 1}`, title: label(`セクション${s + 1}`, `Section ${s + 1}`), questions });
  }
  const parsed = parseDefinition({
    key: 'bench_survey_40',
    version: 1,
    title: label('ベンチマーク用アンケート（40問）', 'Benchmark survey (40 questions)'),
    audience: 'participant',
    attributes: [{ id: 'direction', type: 'enum', label: label('交流の種類', 'Direction'), options: [{ id: 'hire', label: label('交流採用', 'Hire') }, { id: 'dispatch', label: label('交流派遣', 'Dispatch') }] }],
    sections,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 5)));
  return parsed.definition;
}

const d = await openDatabase({ databaseUrl, poolSize: 4 });
const ctx = { ...systemContext('bench-surveys'), ip: 'bench' };
const service = createSurveysService(d, { today: () => '2026-11-23' });
const def = benchDefinition();
if (!(await repo.definition(d.db, def.key, def.version))) await service.importDefinition(ctx, def);
let roundId = rowsOf<{ id: number }>(await d.db.execute(sql`select id::int as id from survey_rounds where title_ja = ${TITLE}`))[0]?.id;
if (!roundId) {
  const t0 = performance.now();
  const round = await service.createRound(ctx, { definitionKey: def.key, definitionVersion: def.version, title: { ja: TITLE, en: TITLE }, opensOn: '2026-10-01', closesOn: '2026-10-31', anonymous: true, minN: 10, remindDaysBefore: 7 });
  const attrs: RespondentAttributes[] = Array.from({ length: respondents }, (_, i) => ({ direction: i % 3 === 0 ? 'dispatch' : 'hire' }));
  const answers = generateResponses(def, attrs, 40);
  await inTransaction(d.db, (tx) => loadAnswers(tx, { id: round.id, anonymous: true }, def, answers));
  await d.db.execute(sql`update survey_rounds set state = 'closed' where id = ${round.id}`);
  await d.db.execute(sql`analyze survey_responses`);
  roundId = round.id;
  console.error(`[surveys] loaded ${respondents} answers in ${Math.round(performance.now() - t0)} ms`);
}
void rng;
const facts = rowsOf<{ n: number; bytes: number }>(await d.db.execute(sql`select count(*)::int as n, coalesce(sum(pg_column_size(answers)), 0)::int as bytes from survey_responses where round_id = ${roundId}`))[0]!;
console.error(`[surveys] round ${roundId}: ${facts.n} answers (${Math.round(facts.bytes / 1024)} KiB of answer JSON) on ${databaseUrl}`);

// ---------------------------------------------------------------- in process
const inProcess: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  // a new service each run: its results cache is empty, so every run loads and aggregates
  const fresh = createSurveysService(d, { today: () => '2026-11-23' });
  const r = await fresh.results(roundId, { lang: 'ja', ...(i % 2 ? { direction: 'hire' as const } : {}) });
  inProcess.push(performance.now() - t0);
  if (!i) {
    bytes = JSON.stringify(r).length;
    if (r.respondents !== facts.n) throw new Error(`respondents ${r.respondents} ≠ ${facts.n}`);
  }
}
await d.close();

// ---------------------------------------------------------------- over HTTP
const restarts = Number(arg('restarts', '3'));
const http: number[] = [];
const httpFiltered: number[] = [];
const firsts: number[] = [];
let rss = 0;
for (let k = 0; k < restarts; k++) {
  const child = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_WEB_DIST: '/nonexistent' }, port);
  try {
    const { cookie } = await loginWithCsrf(child.base);
    const get = async (q: string) => {
      const t0 = performance.now();
      const res = await fetch(`${child.base}/api/surveys/rounds/${roundId}/results${q}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    firsts.push(await get(''));
    firsts.push(await get('?direction=hire'));
    if (k === restarts - 1) {
      for (let i = 0; i < httpRuns; i++) http.push(await get(''));
      for (let i = 0; i < Math.ceil(httpRuns / 2); i++) httpFiltered.push(await get('?direction=hire'));
      rss = rssMb(child.proc.pid!);
    }
  } finally {
    await child.stop();
  }
}

const out = {
  bench: 'surveys-results',
  respondents: facts.n,
  questions: 40,
  responseBytes: bytes,
  inProcessMs: stats(inProcess),
  httpFirstMs: stats(firsts),
  httpWarmMs: stats(http),
  httpWarmFilteredMs: stats(httpFiltered),
  serverRssMb: Math.round(rss),
  targetMs: 500,
  pass: stats(firsts).p95 <= 500 && stats(http).p95 <= 500 && stats(httpFiltered).p95 <= 500,
};
console.log(JSON.stringify(out, null, 2));
