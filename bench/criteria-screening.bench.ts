// Bulk screening (派遣先スクリーニング) at national scale: GET /api/criteria/screening for a sample
// of officials against the whole registry (1,000,000 companies), over HTTP against koryu started
// as its own process on the PostgreSQL server (as bench/search.bench.ts does).
//   npx tsx bench/criteria-screening.bench.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national
// Needs the criteria facts: npx tsx bench/load-criteria-facts.ts --scale national --database-url …
//
// The sample (--officials 50 by default) is drawn from the data:
//   heavy         2 officials from each of the units whose jurisdiction covers the most companies,
//                 holding a post there in the licensing look-back window (the largest candidate sets)
//   involvements  the officials with the most contract involvements in the look-back window
//   random        officials chosen by a hash of their id (deterministic)
// Each official is screened one request at a time (nothing queues) for status=all, open and
// barred, after a warm-up pass; prints p50/p95/max per status and the counts of each screening.
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { ensureBenchAccount, loginWithCsrf, pct } from './criteria-lib.ts';
import { arg, rssMb, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const port = Number(arg('port', '3992'));
const plannedStart = arg('planned-start', '2025-04-01'); // the synthetic data's "today"
const total = Number(arg('officials', '50'));
const pageSize = Number(arg('page-size', '20'));
const statuses = arg('statuses', 'all,open,barred').split(',');

const addYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

type Official = { personId: number; group: 'heavy' | 'involvements' | 'random'; load: number };

async function sample(): Promise<{ officials: Official[]; companies: number; facts: Record<string, number> }> {
  const d = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await d.db.execute(s));
    const n = async (table: string) => Number((await q<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
    const facts: Record<string, number> = {};
    for (const t of ['licensing_jurisdictions', 'ministry_contracts', 'company_sales', 'company_sanctions', 'contract_involvements', 'exchange_history', 'division_revenue']) facts[t] = await n(t);
    if (!facts.licensing_jurisdictions) throw new Error('no criteria facts: run bench/load-criteria-facts.ts first');
    const companies = Number((await q<{ n: number }>(sql`select count(*)::int as n from companies where status = 'active'`))[0]!.n);
    const from = addYears(plannedStart, -2);
    const nHeavy = Math.round(total * 0.4);
    const nInv = Math.round(total * 0.2);
    // Units by jurisdiction size; 2 officials each with a licensing post there in the window.
    const heavy = await q<{ person_id: number; load: number }>(sql`
      with unit_load as (
        select unit_id, count(*)::int as n from licensing_jurisdictions group by unit_id order by n desc, unit_id limit ${Math.ceil(nHeavy / 2)}
      ), holders as (
        select pa.unit_id, pa.person_id, ul.n, row_number() over (partition by pa.unit_id order by pa.person_id) as rn
        from (select distinct unit_id, person_id from post_assignments
              where handles_licensing and start_date < ${plannedStart}::date and (end_date is null or end_date >= ${from}::date)
                and unit_id in (select unit_id from unit_load)) pa
        join unit_load ul on ul.unit_id = pa.unit_id
      )
      select person_id::int as person_id, n as load from holders where rn <= 2 order by n desc, person_id limit ${nHeavy}`);
    const inv = await q<{ person_id: number; load: number }>(sql`
      select person_id::int as person_id, count(*)::int as load from contract_involvements
      where start_date < ${plannedStart}::date and (end_date is null or end_date >= ${addYears(plannedStart, -5)}::date)
      group by person_id order by load desc, person_id limit ${nInv}`);
    const taken = new Set([...heavy, ...inv].map((r) => r.person_id));
    const random = await q<{ person_id: number }>(sql`
      select p.id::int as person_id from people p
      where p.kind = 'official' and exists (select 1 from post_assignments pa where pa.person_id = p.id and pa.start_date < ${plannedStart}::date)
      order by md5(p.id::text) limit ${total}`);
    const officials: Official[] = [
      ...heavy.map((r) => ({ personId: r.person_id, group: 'heavy' as const, load: r.load })),
      ...inv.filter((r) => !heavy.some((h) => h.person_id === r.person_id)).map((r) => ({ personId: r.person_id, group: 'involvements' as const, load: r.load })),
    ];
    for (const r of random) {
      if (officials.length >= total) break;
      if (!taken.has(r.person_id)) officials.push({ personId: r.person_id, group: 'random', load: 0 });
    }
    return { officials, companies, facts };
  } finally {
    await d.close();
  }
}

type Screening = { counts: { total: number; open: number; barred: number; needsReview: number }; total: number; items: unknown[] };

await ensureBenchAccount(databaseUrl);
const { officials, companies, facts } = await sample();
console.error(`[screening] ${companies.toLocaleString('en')} active companies; facts ${JSON.stringify(facts)}; ${officials.length} officials`);
const server = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: arg('pool', '10') }, port);
const { cookie } = await loginWithCsrf(server.base);
let maxRss = rssMb(server.proc.pid!);
const sampler = setInterval(() => {
  maxRss = Math.max(maxRss, rssMb(server.proc.pid!));
}, 250);

async function screen(o: Official, status: string): Promise<{ ms: number; body: Screening }> {
  const qs = new URLSearchParams({ personId: String(o.personId), plannedStart, pageSize: String(pageSize) });
  if (status !== 'all') qs.set('status', status);
  const t0 = performance.now();
  const r = await fetch(`${server.base}/api/criteria/screening?${qs}`, { headers: { cookie } });
  const text = await r.text();
  const ms = performance.now() - t0;
  if (r.status !== 200) throw new Error(`screening person ${o.personId} status=${status}: ${r.status} ${text.slice(0, 500)}`);
  return { ms, body: JSON.parse(text) as Screening };
}

// Warm-up: a few officials of each group.
for (const o of [...officials.filter((x) => x.group === 'heavy').slice(0, 3), ...officials.filter((x) => x.group !== 'heavy').slice(0, 3)]) await screen(o, 'all');

const perStatus: Record<string, { latencyMs: { p50: number; p95: number; max: number; mean: number }; byGroupP50: Record<string, number>; itemsMin: number }> = {};
const countsByOfficial = new Map<number, Screening['counts']>();
const slowest: { personId: number; group: string; status: string; ms: number; barred: number }[] = [];
for (const status of statuses) {
  const times: number[] = [];
  const byGroup: Record<string, number[]> = {};
  let itemsMin = Infinity;
  for (const o of officials) {
    const { ms, body } = await screen(o, status);
    times.push(ms);
    (byGroup[o.group] ??= []).push(ms);
    itemsMin = Math.min(itemsMin, body.items.length);
    if (status === 'all') countsByOfficial.set(o.personId, body.counts);
    slowest.push({ personId: o.personId, group: o.group, status, ms: Math.round(ms), barred: body.counts.barred });
  }
  times.sort((a, b) => a - b);
  perStatus[status] = {
    latencyMs: { p50: pct(times, 50), p95: pct(times, 95), max: pct(times, 100), mean: Math.round(times.reduce((a, b) => a + b, 0) / times.length) },
    byGroupP50: Object.fromEntries(Object.entries(byGroup).map(([g, xs]) => [g, pct(xs.sort((a, b) => a - b), 50)])),
    itemsMin,
  };
}
clearInterval(sampler);
await server.stop();

const dist = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], p50: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const counts = [...countsByOfficial.values()];
const groups = ['heavy', 'involvements', 'random'] as const;
console.log(
  JSON.stringify(
    {
      endpoint: 'GET /api/criteria/screening',
      plannedStart,
      activeCompanies: companies,
      facts,
      officials: Object.fromEntries(groups.map((g) => [g, officials.filter((o) => o.group === g).length])),
      heavyJurisdictionSizes: dist(officials.filter((o) => o.group === 'heavy').map((o) => o.load)),
      perStatus,
      counts: {
        totalPerScreening: dist(counts.map((c) => c.total)),
        barred: Object.fromEntries(groups.map((g) => [g, dist(officials.filter((o) => o.group === g).map((o) => countsByOfficial.get(o.personId)!.barred))])),
        needsReview: dist(counts.map((c) => c.needsReview)),
      },
      slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 8),
      serverRssMb: Math.round(maxRss),
    },
    null,
    2,
  ),
);
