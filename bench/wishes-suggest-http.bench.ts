// Matching suggestions over HTTP (issue 5: ranking for one wish against 100,000 sheets ≤ 200 ms):
// GET /api/wishes/:id/suggestions against koryu started as its own process on the PostgreSQL
// server holding the national registry, the criteria facts (bench/load-criteria-facts.ts) and the
// synthetic sheets (bench/load-wish-sheets.ts). Logged in as the bench NPA account (any sheet).
// One request at a time (the target is the latency of one ranking), cycling through sample sheets
// of each kind: ministry dispatch and hire wishes (against the company sheets, with the criteria's
// barred pairs), company sheets that host, send or both (against the ministry wishes). Reports the
// first request (the process loads the sheet index), then p50/p95/max per kind, how many sheets
// were scored and how many pairs were barred, and the server's memory.
//   npx tsx bench/wishes-suggest-http.bench.ts [--database-url URL] [--runs 40] [--samples 10] [--limit 20] [--json]
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { ensureBenchAccount, loginWithCsrf, pct } from './criteria-lib.ts';
import { arg, rssMb, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const runs = Number(arg('runs', '40'));
const samples = Number(arg('samples', '10'));
const limit = Number(arg('limit', '20'));
const port = Number(arg('port', '3994'));
const json = process.argv.includes('--json');

await ensureBenchAccount(databaseUrl);
const d = await openDatabase({ databaseUrl, poolSize: 2 });
const [counts] = rowsOf<{ published: number; companySheets: number; ministryWishes: number; contracts: number; sanctions: number }>(
  await d.db.execute(
    sql`select (select count(*)::int from wish_sheets where status = 'published') as published,
               (select count(*)::int from wish_sheets where status = 'published' and kind = 'company') as "companySheets",
               (select count(*)::int from wish_sheets where status = 'published' and kind <> 'company') as "ministryWishes",
               (select count(*)::int from ministry_contracts) as contracts,
               (select count(*)::int from company_sanctions) as sanctions`,
  ),
) as [{ published: number; companySheets: number; ministryWishes: number; contracts: number; sanctions: number }];
if (counts.published < 1000) throw new Error(`only ${counts.published} published sheets: run bench/load-wish-sheets.ts first`);
// Sample sheets of each kind, spread over the id range; ministry wishes from the organisations with
// the most contracts first (so the criteria have pairs to bar).
const pick = async (where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) =>
  rowsOf<{ id: number }>(
    await d.db.execute(sql`select id::int as id from (select s.id, row_number() over (order by ${order}) as n from wish_sheets s where s.status = 'published' and ${where}) x
                           where n % greatest(1, (select count(*) from wish_sheets s where s.status = 'published' and ${where}) / ${samples * 7}) = 0 order by n limit ${samples}`),
  ).map((r) => r.id);
const contractsOf = sql`(select count(*) from ministry_contracts c where c.organisation_id = s.organisation_id)`;
const kinds = [
  { name: 'ministry dispatch wish → company sheets', ids: await pick(sql`s.kind = 'ministry_dispatch'`, sql`${contractsOf} desc, s.id`) },
  { name: 'ministry hire wish → company sheets', ids: await pick(sql`s.kind = 'ministry_hire'`, sql`${contractsOf} desc, s.id`) },
  { name: 'company sheet (hosts) → dispatch wishes', ids: await pick(sql`s.kind = 'company' and s.direction = 'dispatch'`, sql`s.id`) },
  { name: 'company sheet (sends) → hire wishes', ids: await pick(sql`s.kind = 'company' and s.direction = 'hire'`, sql`s.id`) },
  { name: 'company sheet (both) → all wishes', ids: await pick(sql`s.kind = 'company' and s.direction = 'both'`, sql`s.id`) },
].filter((k) => k.ids.length > 0);
await d.close();

const server = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: arg('pool', '10') }, port);
const npa = await loginWithCsrf(server.base);
type Answer = { candidates: number; items: unknown[]; barred: unknown[] };
const get = async (id: number): Promise<{ ms: number; body: Answer }> => {
  const t = performance.now();
  const r = await fetch(`${server.base}/api/wishes/${id}/suggestions?limit=${limit}`, { headers: { cookie: npa.cookie } });
  const body = (await r.json()) as Answer;
  const ms = performance.now() - t;
  if (r.status !== 200) throw new Error(`${id}: ${r.status} ${JSON.stringify(body)}`);
  return { ms, body };
};

const rssBefore = rssMb(server.proc.pid!);
const first = await get(kinds[0]!.ids[0]!);
const rssAfterLoad = rssMb(server.proc.pid!);
let rss = 0;
const results: { kind: string; sheets: number; p50: number; p95: number; max: number; candidates: number; barredAvg: number; barredMax: number }[] = [];
try {
  for (const k of kinds) {
    for (const id of k.ids) await get(id); // warm-up: each sample once
    const times: number[] = [];
    const barred: number[] = [];
    let candidates = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, body } = await get(k.ids[i % k.ids.length]!);
      times.push(ms);
      barred.push(body.barred.length);
      candidates = Math.max(candidates, body.candidates);
    }
    times.sort((a, b) => a - b);
    results.push({
      kind: k.name,
      sheets: k.ids.length,
      p50: pct(times, 50),
      p95: pct(times, 95),
      max: Math.round(times[times.length - 1]! * 10) / 10,
      candidates,
      barredAvg: Math.round((barred.reduce((a, b) => a + b, 0) / barred.length) * 10) / 10,
      barredMax: Math.max(...barred),
    });
  }
} finally {
  rss = rssMb(server.proc.pid!);
  await server.stop();
}

const out = { counts, limit, runs, firstRequestMs: Math.round(first.ms), rssMb: { started: Math.round(rssBefore), afterIndexLoad: Math.round(rssAfterLoad), end: Math.round(rss) }, results };
if (json) console.log(JSON.stringify(out));
else {
  console.log(
    `wishes-suggest-http: ${counts.published} published sheets (${counts.companySheets} company, ${counts.ministryWishes} ministry), ${counts.contracts} contract totals, ${counts.sanctions} sanctions; limit ${limit}, ${runs} sequential requests per kind, node ${process.version}`,
  );
  console.log(`  first request (loads the sheet index): ${out.firstRequestMs} ms; server RSS ${out.rssMb.started} MB at start, ${out.rssMb.afterIndexLoad} MB after the load, ${out.rssMb.end} MB at the end`);
  for (const r of results) {
    console.log(
      `  ${r.kind.padEnd(42)} p50 ${r.p50} ms  p95 ${r.p95} ms  max ${r.max} ms  (${r.candidates} scored, barred avg ${r.barredAvg} max ${r.barredMax}; ${r.sheets} sample sheets)  target ≤ 200 ms: ${r.p95 <= 200 ? 'met' : 'NOT met'}`,
    );
  }
}
